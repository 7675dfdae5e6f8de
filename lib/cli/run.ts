import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DataDirLockedError } from '@/lib/db-lock/lock';
import { type Env, getEnv } from '@/lib/env';
import {
  type CliContext,
  CliError,
  type Command,
  type OptionSpecs,
  type OptionValues,
  UsageError,
} from './command';
import { COMMANDS } from './commands';
import { createCliDatabase } from './database';
import { GLOBAL_OPTIONS, commandHelp, groupHelp, mainHelp, usageLine } from './help';
import { formatAppError, isAppError } from './output';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * Runs one `tailor …` invocation and returns its exit code: 0 success, 1 failure (a clear
 * one-line message), 2 usage error (unknown command or flag, missing option). Never throws.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = process,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const out = (s: string) => void io.stdout.write(`${s}\n`);
  const err = (s: string) => void io.stderr.write(`${s}\n`);
  const debug = argv.includes('--debug');
  const words = leadingWords(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');

  const command = findCommand(commands, words);
  if (!command) {
    if (words.length === 0) {
      if (argv.includes('--version')) {
        out(version());
        return 0;
      }
      (wantsHelp ? out : err)(mainHelp(commands, version()));
      return wantsHelp ? 0 : 2;
    }
    const group = commands.filter((c) => c.name.split(' ')[0] === words[0]);
    if (group.length > 0 && (words.length === 1 || wantsHelp)) {
      (wantsHelp ? out : err)(groupHelp(words[0]!, group));
      return wantsHelp ? 0 : 2;
    }
    err(`tailor: unknown command "${words.join(' ')}".\n`);
    err(mainHelp(commands, version()));
    return 2;
  }

  const database = createCliDatabase();
  try {
    const values = parseValues(command, argv.slice(command.name.split(' ').length));
    if (values.help) {
      out(commandHelp(command));
      return 0;
    }
    const env = readEnv();
    const ctx: CliContext = {
      out,
      err,
      stderr: io.stderr,
      env,
      debug,
      db: async () => (await database.get()).db,
    };
    return (await command.run(ctx, values as OptionValues<OptionSpecs>)) ?? 0;
  } catch (e) {
    return report(e, command, err, debug);
  } finally {
    await database.close().catch((e: unknown) => {
      if (debug)
        err(`(while closing the database) ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    });
  }
}

function report(e: unknown, command: Command, err: (s: string) => void, debug: boolean): number {
  if (e instanceof UsageError) {
    err(`tailor: ${e.message}`);
    err(`Usage: ${usageLine(e.command ?? command)}`);
    err(`Run \`tailor ${command.name} --help\` for details.`);
    return 2;
  }
  if (debug && e instanceof Error && !(e instanceof CliError)) err(e.stack ?? e.message);
  if (e instanceof CliError) {
    err(`Error: ${e.message}`);
    return e.exitCode;
  }
  if (e instanceof DataDirLockedError) {
    err(`Error: ${e.message}`);
    return 1;
  }
  if (isAppError(e)) {
    err(`Error: ${formatAppError(e, command.fieldFlags)}`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`Error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}`);
  return 1;
}

/** Words before the first flag: `workspace create --name x` → ['workspace', 'create']. */
function leadingWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  return words;
}

/** The command whose name is the longest prefix of `words` (exactly all its words). */
function findCommand(commands: readonly Command[], words: readonly string[]): Command | undefined {
  let best: Command | undefined;
  for (const c of commands) {
    const parts = c.name.split(' ');
    if (parts.length > words.length || !parts.every((p, i) => words[i] === p)) continue;
    if (!best || parts.length > best.name.split(' ').length) best = c;
  }
  return best;
}

function parseValues(command: Command, args: string[]): Record<string, string | boolean | undefined> {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [
          name,
          o.short ? { type: o.type, short: o.short } : { type: o.type },
        ]),
      ),
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError(parseErrorMessage(e), command);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const specs = command.args ?? [];
  if (parsed.positionals.length > specs.length) {
    const extra = parsed.positionals[specs.length];
    throw new UsageError(`unexpected argument "${extra}" for "${command.name}".`, command);
  }
  parsed.positionals.forEach((value, i) => {
    const name = specs[i]!.name;
    if (values[name] !== undefined && values[name] !== value) {
      throw new UsageError(`<${name}> given twice ("${value}" and --${name} "${values[name]}").`, command);
    }
    values[name] = value;
  });
  if (values.help) return values;
  for (const [name, spec] of Object.entries(command.options)) {
    const v = values[name];
    if (spec.required && (v === undefined || v === '')) throw new UsageError(`missing --${name}.`, command);
  }
  return values;
}

function parseErrorMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // node:util's messages are long and mention "strict: false"; keep the first sentence.
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}.`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value.`;
  const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `${noValue[1]} does not take a value.`;
  return message.split('. ')[0] ?? message;
}

function readEnv(): Env {
  try {
    return getEnv();
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
