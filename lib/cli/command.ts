import type { Db } from '@/db/client';
import type { Env } from '@/lib/env';

/** One flag of a command. `required` flags are checked before `run` (exit 2 when missing). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in usage: `--name <name>`. Defaults to the flag name. */
  placeholder?: string;
  required?: boolean;
  short?: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

/**
 * A positional argument: `tailor import <kind> <file>`. Each fills the option of the same name
 * (which must exist), so `--kind x` and a first argument `x` are the same thing.
 */
export interface ArgSpec {
  name: string;
  description: string;
}

/** Parsed flag values, typed from the specs: strings for string flags, booleans for switches. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** What a command gets to work with; everything goes through here so tests can capture it. */
export interface CliContext {
  /** A line to stdout (results, meant to be read or piped). */
  out(line: string): void;
  /** A line to stderr (notes, warnings, progress). */
  err(line: string): void;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Env;
  readonly debug: boolean;
  /** Opens the configured database on first call (taking the embedded-database lock). */
  db(): Promise<Db>;
}

/**
 * A command: `name` is one or more words (`workspace create`); the words before the last
 * form a group whose help lists its commands. Adding a command is a new file in
 * `commands/` plus one line in `commands/index.ts`.
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  /** Paragraphs shown by `tailor <command> --help` after the usage line. */
  description?: string;
  options: O;
  /** Positional arguments, in order; each names one of `options`. */
  args?: readonly ArgSpec[];
  examples?: string[];
  /** Service field names → flags, for error messages (`allowedOrigins` → `--origins`). */
  fieldFlags?: Record<string, string>;
  /** Left out of `tailor --help` (still documented by its own `--help`). */
  hidden?: boolean;
  /** Returns the exit code (0 when omitted). Throw `AppError`/`CliError` for failures. */
  run(ctx: CliContext, values: OptionValues<O>): Promise<number | undefined>;
}

/** Keeps the option types of a command literal, so `values` is typed from `options`. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

/** An expected failure with a message for people; exit code 1 unless given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A mistake in how the command was called: printed with the usage line, exit code 2. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
