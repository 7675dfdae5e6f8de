#!/usr/bin/env node
// Launcher of the `tailor` CLI: runs lib/cli/main.ts through tsx in this same process, from
// the project root (where tsconfig's `@/` paths and db/migrations resolve). Arguments, stdio,
// signals and the exit code are this process's own, so nothing needs forwarding.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A relative TAILOR_DATA_DIR means "relative to where the command was typed".
if (process.env.TAILOR_DATA_DIR) process.env.TAILOR_DATA_DIR = path.resolve(process.env.TAILOR_DATA_DIR);
// Relative file arguments too: remember the caller's directory before moving to the root.
process.env.TAILOR_CALLER_CWD = process.cwd();
process.chdir(root);
register({ tsconfig: path.join(root, 'tsconfig.json') });
await import(pathToFileURL(path.join(root, 'lib/cli/main.ts')).href);
