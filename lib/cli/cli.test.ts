import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { auditLog } from '@/db/schema';
import { type CliRun, spawnTailor } from './testing/spawn';

/**
 * The real CLI as a user runs it: `node bin/tailor.mjs …` in a child process, from another
 * folder, against an embedded database in a temporary folder. Each command that touches the
 * database starts PGlite (a few seconds), so assertions are batched per spawn.
 */
const APP_URL = 'http://tailor.test:3999';
let dataDir: string;

type Run = CliRun;

function tailor(...args: string[]): Promise<Run> {
  return spawnTailor(args, { cwd: os.tmpdir(), dataDir, env: { APP_URL }, timeoutMs: 90_000 });
}

const noStack = (r: Run) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
const lockFile = () => path.join(dataDir, 'tailor.lock');

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-cli-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Generous: every database spawn starts PGlite, and CI machines may be busy.
describe('tailor CLI', { timeout: 240_000 }, () => {
  it('prints help, and usage with exit 2 for unknown commands and flags', async () => {
    const [help, cmdHelp, unknown, badFlag, group] = await Promise.all([
      tailor('--help'),
      tailor('workspace', 'create', '--help'),
      tailor('frobnicate'),
      tailor('workspace', 'list', '--bogus'),
      tailor('apikey'),
    ]);
    expect(help.code).toBe(0);
    for (const name of [
      'workspace create',
      'workspace list',
      'apikey create',
      'apikey list',
      'apikey revoke',
      'demo',
    ]) {
      expect(help.stdout).toContain(name);
    }
    expect(cmdHelp.code).toBe(0);
    expect(cmdHelp.stdout).toContain(
      'Usage: tailor workspace create --name <name> [--slug <slug>] [--owner <email>]',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: tailor <command>');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('unknown option --bogus');
    expect(badFlag.stderr).toContain('Usage: tailor workspace list');
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('tailor apikey revoke --workspace <slug> --id <uuid>');
  });

  it('rejects invalid input with field messages, before opening the database', async () => {
    const [reserved, kind, missing] = await Promise.all([
      tailor('workspace', 'create', '--name', 'Acme', '--slug', 'api'),
      tailor('apikey', 'create', '--workspace', 'acme', '--kind', 'public', '--name', 'k'),
      tailor('apikey', 'create', '--workspace', 'acme', '--kind', 'secret'),
    ]);
    expect(reserved.code).toBe(1);
    expect(reserved.stderr.trim()).toBe('Error: --slug: This address is reserved; pick another.');
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('--kind: Choose secret or publishable.');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --name');
    [reserved, kind, missing].forEach(noStack);
    expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(false);
  });

  it('needs an owner: explains how to create a user, then creates workspaces', async () => {
    const none = await tailor('workspace', 'create', '--name', 'Acme Shoes');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('tailor user create');
    expect(none.stderr).toContain(`${APP_URL}/sign-up`);
    noStack(none);

    const user = await tailor(
      'user',
      'create',
      '--email',
      'Owner@Example.test',
      '--name',
      'Owner',
      '--password',
      'correct horse 9',
    );
    expect(user.stderr).toBe('');
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('Created user owner@example.test');
    expect(user.stdout).not.toContain('correct horse 9');

    const created = await tailor(
      'workspace',
      'create',
      '--name',
      'Acme Shoes',
      '--slug',
      'acme-shoes',
      '--owner',
      'owner@example.test',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      slug: 'acme-shoes',
      name: 'Acme Shoes',
      owner: 'owner@example.test',
      url: `${APP_URL}/acme-shoes`,
    });

    const duplicate = await tailor(
      'workspace',
      'create',
      '--name',
      'Other',
      '--slug',
      'acme-shoes',
      '--owner',
      'owner@example.test',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe('Error: --slug: That workspace address is taken.');
    noStack(duplicate);
    expect(fs.existsSync(lockFile())).toBe(false); // released after every command
  });

  it('creates an API key printed once, lists it by prefix and revokes it', async () => {
    const created = await tailor(
      'apikey',
      'create',
      '--workspace',
      'acme-shoes',
      '--kind',
      'secret',
      '--name',
      'ERP sync',
    );
    expect(created.code).toBe(0);
    const keys = `${created.stdout}${created.stderr}`.match(/sk_[A-Za-z0-9_-]{32}/g) ?? [];
    expect(keys).toHaveLength(1);
    const key = keys[0]!;
    const id = /\(id ([0-9a-f-]{36})\)/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();

    const revoked = await tailor('apikey', 'revoke', '--workspace', 'acme-shoes', '--id', id!);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('Revoked secret key "ERP sync"');

    const listed = await tailor('apikey', 'list', '--workspace', 'acme-shoes', '--json');
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(key);
    const rows = JSON.parse(listed.stdout) as { id: string; prefix: string; revokedAt: string | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, prefix: `${key.slice(0, 10)}…` });
    expect(rows[0]?.revokedAt).toBeTruthy();
  });

  it('reports an unknown workspace', async () => {
    const r = await tailor('apikey', 'list', '--workspace', 'no-such-shop');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error: Workspace not found: no-such-shop');
  });

  it('refuses while the server holds the embedded database, proceeds over a stale lock', async () => {
    const lock = (pid: number) =>
      fs.writeFileSync(
        lockFile(),
        JSON.stringify({
          pid,
          role: 'server',
          startedAt: new Date().toISOString(),
          hostname: os.hostname(),
          port: 3000,
        }),
      );
    lock(process.pid);
    const refused = await tailor('workspace', 'list');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `Error: The Tailor server (pid ${process.pid}) has the embedded database in ${dataDir} open. Stop it first, or run the CLI against Postgres with DATABASE_URL.`,
    );
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);

    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.once('exit', r));
    lock(gone.pid!);
    const listed = await tailor('workspace', 'list', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { slug: string }[]).map((w) => w.slug)).toEqual(['acme-shoes']);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('records the CLI as the actor in the audit log', async () => {
    const h = await openDatabase({ driver: 'pglite', dataDir });
    try {
      const rows = await h.db.select({ action: auditLog.action, actor: auditLog.actorLabel }).from(auditLog);
      expect(rows.map((r) => r.action).sort()).toEqual([
        'apikey.created',
        'apikey.revoked',
        'workspace.created',
      ]);
      expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['CLI (owner@example.test)']));
    } finally {
      await h.close();
    }
  });

  it('seeds the demo store, whose user then owns workspaces created without --owner', async () => {
    const seeded = await tailor('demo', '--scale', '0.01', '--json');
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({
      slug: 'demo',
      url: `${APP_URL}/demo`,
      created: true,
      login: { email: 'demo@tailor.local', password: 'tailor-demo-2026' },
    });
    expect(seeded.stderr).toContain('100% 7/7 done'); // progress goes to stderr

    const created = await tailor('workspace', 'create', '--name', 'Second Shop', '--json');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'second-shop', owner: 'demo@tailor.local' });
  });
});
