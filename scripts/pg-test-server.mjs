#!/usr/bin/env node
// A throw-away Postgres server for the database tests (CI and developers). Plain Node, no dependencies.
//
//   node scripts/pg-test-server.mjs start [--dir DIR] [--port N]   prints the URL on stdout
//   node scripts/pg-test-server.mjs start --env                    prints `export …` lines for eval
//   node scripts/pg-test-server.mjs stop  [--dir DIR]              stops it and deletes DIR
//   node scripts/pg-test-server.mjs run -- <command…>              start, run with TEST_DATABASE_URL, stop
//
// The server listens on 127.0.0.1 only, on a free port, with its data in a temporary folder and
// durability switched off (it is disposable). Tests connect as `tailor`, an ordinary role with
// CREATEDB — not a superuser, because superusers bypass row-level security and the RLS tests
// would prove nothing. Auth is `trust` on loopback: no password to leak or configure.
// `initdb` refuses to run as root, so as root the server runs as the `postgres` OS user.
//
// Binaries: $PG_BIN, else /usr/lib/postgresql/15/bin (Debian), else whatever is on PATH.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROLE = 'tailor';
const DATABASE = 'tailor';
const STATE = 'server.json';

function pgBin(name) {
  const dirs = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'].filter(Boolean);
  for (const dir of dirs) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  return name; // on PATH
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a Postgres binary, as the `postgres` OS user when we are root. Throws on failure. */
function runPg(name, args, { quiet = false } = {}) {
  const cmd = asRoot ? 'runuser' : pgBin(name);
  const argv = asRoot ? ['-u', 'postgres', '--', pgBin(name), ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new Error(`${name}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${name} ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  }
  if (!quiet && r.stderr.trim()) process.stderr.write(r.stderr);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function parseArgs(argv) {
  const opts = { dir: process.env.TAILOR_PG_TEST_DIR || '', port: 0, env: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      opts.rest = argv.slice(i + 1);
      break;
    }
    if (a === '--dir') opts.dir = argv[++i] ?? '';
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--env') opts.env = true;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/** Starts a server; returns { url, dir, port }. */
export async function startServer({ dir = '', port = 0 } = {}) {
  const root = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-pg-'));
  fs.mkdirSync(root, { recursive: true });
  const data = path.join(root, 'data');
  if (fs.existsSync(path.join(root, STATE))) throw new Error(`${root} already holds a server; stop it first`);
  fs.rmSync(data, { recursive: true, force: true });
  fs.mkdirSync(data, { mode: 0o700 });
  if (asRoot) {
    // The postgres user must reach its data folder through the (root-owned) temp folder.
    fs.chmodSync(root, 0o755);
    spawnSync('chown', ['-R', 'postgres:postgres', data], { stdio: 'inherit' });
  }
  runPg(
    'initdb',
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    {
      quiet: true,
    },
  );

  let lastError;
  for (let attempt = 0; attempt < 5; attempt++) {
    const p = port || (await freePort());
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${p}`,
      "-c unix_socket_directories=''",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      '-c shared_buffers=64MB',
      // Test databases live for one file; an autovacuum worker inside one at `drop database …
      // with (force)` made the drop fail now and then (a worker is not the role's own process).
      '-c autovacuum=off',
    ].join(' ');
    try {
      runPg(
        'pg_ctl',
        ['-D', data, '-l', path.join(data, 'server.log'), '-o', options, '-w', '-t', '60', 'start'],
        {
          quiet: true,
        },
      );
    } catch (e) {
      lastError = e;
      if (port) break; // a fixed port that fails will not get better
      continue;
    }
    const psql = (sql, db = 'postgres') =>
      runPg('psql', [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        '127.0.0.1',
        '-p',
        String(p),
        '-U',
        'postgres',
        '-d',
        db,
        '-c',
        sql,
      ]);
    // An ordinary role (NOSUPERUSER, NOBYPASSRLS) so row-level security applies to it.
    psql(`CREATE ROLE ${ROLE} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS`);
    // So `drop database … with (force)` may end any leftover session in its own test database.
    psql(`GRANT pg_signal_backend TO ${ROLE}`);
    // Its own database: since Postgres 15 only the database owner may create in `public`.
    psql(`CREATE DATABASE ${DATABASE} OWNER ${ROLE}`);
    const url = `postgres://${ROLE}@127.0.0.1:${p}/${DATABASE}`;
    fs.writeFileSync(path.join(root, STATE), JSON.stringify({ url, port: p, data }, null, 2));
    return { url, dir: root, port: p };
  }
  fs.rmSync(root, { recursive: true, force: true });
  throw lastError ?? new Error('could not start Postgres');
}

/** Stops the server in `dir` (if running) and deletes the folder. */
export function stopServer(dir) {
  const root = path.resolve(dir);
  const data = path.join(root, 'data');
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
    try {
      runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], { quiet: true });
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
}

async function main() {
  const [command, ...argv] = process.argv.slice(2);
  const opts = parseArgs(argv);
  if (command === 'start') {
    const { url, dir } = await startServer(opts);
    if (opts.env) {
      process.stdout.write(`export TEST_DATABASE_URL='${url}'\nexport TAILOR_PG_TEST_DIR='${dir}'\n`);
    } else {
      process.stdout.write(`${url}\n`);
    }
    process.stderr.write(`Postgres test server at ${url} (data in ${dir}).\n`);
    process.stderr.write(`Stop it with: node scripts/pg-test-server.mjs stop --dir ${dir}\n`);
    return 0;
  }
  if (command === 'stop') {
    if (!opts.dir) throw new Error('stop needs --dir DIR (or TAILOR_PG_TEST_DIR)');
    stopServer(opts.dir);
    return 0;
  }
  if (command === 'run') {
    if (opts.rest.length === 0) throw new Error('run needs a command after --');
    const { url, dir } = await startServer(opts);
    process.stderr.write(`Postgres test server at ${url}\n`);
    let stopped = false;
    const stop = () => {
      if (!stopped) stopServer(dir);
      stopped = true;
    };
    const child = spawn(opts.rest[0], opts.rest.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: url },
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    const code = await new Promise((resolve) => {
      child.on('error', (e) => {
        process.stderr.write(`${e.message}\n`);
        resolve(1);
      });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    stop();
    return code;
  }
  process.stderr.write(
    'usage: pg-test-server.mjs start [--dir DIR] [--port N] [--env] | stop --dir DIR | run -- cmd…\n',
  );
  return 2;
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (invokedDirectly) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
