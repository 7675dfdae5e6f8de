import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineRetailCsv } from '@/lib/import/testing/fixtures';
import { type CliRun, spawnTailor } from '../testing/spawn';

/**
 * `tailor import` as a user runs it: the real CLI in a child process against an embedded
 * database in a temporary folder (each spawn starts PGlite, so the steps are few and batched).
 */
let dir: string;

function tailor(...args: string[]): Promise<CliRun> {
  return spawnTailor(args, { cwd: dir, dataDir: path.join(dir, 'data') });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-cli-import-'));
  fs.writeFileSync(path.join(dir, 'online_retail.csv'), onlineRetailCsv());
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tailor import', { timeout: 300_000 }, () => {
  it('imports a file with a summary, as one JSON object with --json, and a rerun changes nothing', async () => {
    const file = path.join(dir, 'online_retail.csv');
    const usage = await tailor('import', '--kind', 'gadgets', '--file', file, '--workspace', 'x');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('<kind> must be one of products, shoppers, orders, events');

    expect((await tailor('user', 'create', '--email', 'cli-import@example.test', '--name', 'CLI')).code).toBe(
      0,
    );
    expect(
      (
        await tailor(
          'workspace',
          'create',
          '--name',
          'Retail',
          '--slug',
          'retail',
          '--owner',
          'cli-import@example.test',
        )
      ).code,
    ).toBe(0);

    const first = await tailor('import', '--kind', 'orders', '--file', file, '--workspace', 'retail');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported online_retail.csv into retail (orders, online-retail)');
    expect(first.stdout).toContain('accepted 46, rejected 2');
    expect(first.stdout).toContain('orders 17 (3 cancellations, 6 guest orders)');
    expect(first.stdout).toContain('1 × Quantity: is not a whole number');
    expect(first.stdout).toMatch(/errors\.csv/);
    expect(first.stderr).toMatch(/100% importing/); // the progress bar (a line per step when not a TTY)

    // Positional arguments, and a path relative to the folder the command is typed in.
    const again = await tailor('import', 'orders', 'online_retail.csv', '--workspace', 'retail', '--json');
    expect(again.code).toBe(0);
    const lines = again.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      workspace: 'retail',
      kind: 'orders',
      format: 'online-retail',
      status: 'succeeded',
      rows: 48,
      accepted: 46,
      inserted: 0,
      updated: 0,
      unchanged: 36 + 9 + 17,
      rejected: 2,
      counts: { products: 36, shoppers: 9, orders: 17, cancellations: 3, guestOrders: 6, events: 0 },
    });

    const missing = await tailor(
      'import',
      '--kind',
      'products',
      '--file',
      path.join(dir, 'nope.csv'),
      '--workspace',
      'retail',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such file');

    const twice = await tailor('import', 'orders', 'online_retail.csv', 'extra', '--workspace', 'retail');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('unexpected argument "extra"');
    expect(twice.stderr).toContain('Usage: tailor import <kind> <file> --workspace <slug>');
  });
});
