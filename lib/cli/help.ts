import type { Command, OptionSpec } from './command';

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'Show help for the command.' },
  debug: { type: 'boolean', description: 'Print stack traces of unexpected errors.' },
};

/** `tailor workspace create --name <name> [--slug <slug>] [--json]`, from the option specs. */
export function usageLine(command: Command): string {
  const parts = [`tailor ${command.name}`];
  const positional = new Set((command.args ?? []).map((a) => a.name));
  for (const a of command.args ?? []) parts.push(`<${a.name}>`);
  for (const [name, spec] of Object.entries(command.options)) {
    if (positional.has(name)) continue;
    const flag = spec.type === 'boolean' ? `--${name}` : `--${name} <${spec.placeholder ?? name}>`;
    parts.push(spec.required ? flag : `[${flag}]`);
  }
  return parts.join(' ');
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: ${usageLine(command)}`, '', command.summary];
  if (command.description) lines.push('', command.description);
  if (command.args?.length) {
    const width = Math.max(...command.args.map((a) => a.name.length + 2));
    lines.push(
      '',
      'Arguments:',
      ...command.args.map((a) => `  ${`<${a.name}>`.padEnd(width)}  ${a.description}`),
    );
  }
  lines.push('', 'Options:', ...optionLines({ ...command.options, ...GLOBAL_OPTIONS }));
  if (command.examples?.length) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

export function mainHelp(commands: readonly Command[], version: string): string {
  const visible = commands.filter((c) => !c.hidden);
  const width = Math.max(...visible.map((c) => c.name.length));
  return [
    `tailor ${version}: the Tailor command line, over the same services as the app.`,
    '',
    'Usage: tailor <command> [options]',
    '',
    'Commands:',
    ...visible.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...optionLines({ ...GLOBAL_OPTIONS, version: { type: 'boolean', description: 'Print the version.' } }),
    '',
    'Configuration (environment):',
    '  TAILOR_DATA_DIR   folder of the embedded database (default ./data)',
    '  DATABASE_URL      use a Postgres server instead (POSTGRES_URL on Vercel)',
    '  APP_URL           the public address printed in links',
    '',
    'Run `tailor <command> --help` for the options of a command.',
  ].join('\n');
}

/** Help for a group word such as `tailor workspace`: its commands with their usage. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  return [
    `Usage: tailor ${group} <command> [options]`,
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${usageLine(c)}`, `      ${c.summary}`]),
    '',
    `Run \`tailor ${group} <command> --help\` for details.`,
  ].join('\n');
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '';
    const flag = spec.type === 'boolean' ? `--${name}` : `--${name} <${spec.placeholder ?? name}>`;
    return [`${short}${flag}`, spec.required ? `${spec.description} (required)` : spec.description] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`);
}
