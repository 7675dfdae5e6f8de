import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/recommend/eval/metrics';
import { type CliRun, spawnTailor } from '../testing/spawn';
import { parseCutoff } from './evaluate';

/**
 * `tailor evaluate` as a user runs it: the real CLI in a child process against an embedded
 * database in a temporary folder, after `tailor import orders` of a small synthetic order file.
 * Each spawn starts PGlite (and trains six models), so the steps are few.
 */
let dir: string;

function tailor(...args: string[]): Promise<CliRun> {
  return spawnTailor(args, { cwd: dir, dataDir: path.join(dir, 'data'), timeoutMs: 180_000 });
}

/**
 * 40 customers over 90 days of 2024 (weekly orders): each rebuys a staple of their half of the
 * catalog (SKU-0…5 or SKU-6…11) and tries another item of that half. Cutoff 2024-03-01.
 */
function ordersCsv(): string {
  const rand = seededRandom(11);
  const lines = ['order_id,customer_id,sku,quantity,price,currency,order_date,status'];
  for (let c = 0; c < 40; c++) {
    const half = (c % 2) * 6;
    for (let d = Math.floor(rand() * 7); d < 90; d += 7) {
      const date = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
      const order = `O-${c}-${d}`;
      const other = half + 1 + Math.floor(rand() * 5);
      lines.push(`${order},C-${c},SKU-${half},2,3.50,EUR,${date},paid`);
      lines.push(`${order},C-${c},SKU-${other},1,9.90,EUR,${date},paid`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const KEYS = [
  'model',
  'hr10',
  'recall10',
  'recall20',
  'ndcg10',
  'map10',
  'coverage',
  'novelty',
  'popularityBias',
];
const MODELS = ['most-popular', 'recent-popular', 'buy-again', 'item-knn', 'ease', 'hybrid'];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-cli-evaluate-'));
  fs.writeFileSync(path.join(dir, 'orders.csv'), ordersCsv());
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parseCutoff', () => {
  it('reads a date as midnight UTC or a full instant, and nothing else', () => {
    expect(parseCutoff('2011-11-09')?.toISOString()).toBe('2011-11-09T00:00:00.000Z');
    expect(parseCutoff('2011-11-09T12:00:00+02:00')?.toISOString()).toBe('2011-11-09T10:00:00.000Z');
    expect(parseCutoff('9 Nov 2011')).toBeNull();
    expect(parseCutoff('2011-13-45')).toBeNull();
  });
});

// Six spawns; on a busy shared machine each can take 20 s or more.
describe('tailor evaluate', { timeout: 600_000 }, () => {
  it('evaluates an imported workspace: JSON per model, the table, and a clear error for an empty side', async () => {
    expect((await tailor('user', 'create', '--email', 'cli-eval@example.test', '--name', 'CLI')).code).toBe(
      0,
    );
    const ws = await tailor(
      'workspace',
      'create',
      '--name',
      'Shop',
      '--slug',
      'shop',
      '--owner',
      'cli-eval@example.test',
    );
    expect(ws.code).toBe(0);
    const imported = await tailor('import', 'orders', 'orders.csv', '--workspace', 'shop');
    expect(imported.code, imported.stderr).toBe(0);

    const json = await tailor(
      'evaluate',
      '--workspace',
      'shop',
      '--cutoff',
      '2024-03-01',
      '--protocol',
      'all',
      '--json',
    );
    expect(json.code, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as Record<string, number | string>[];
    expect(rows.map((r) => r.model)).toEqual(MODELS);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(KEYS);
      for (const key of KEYS.slice(1, -2)) {
        expect(row[key], `${row.model} ${key}`).toBeGreaterThanOrEqual(0);
        expect(row[key], `${row.model} ${key}`).toBeLessThanOrEqual(1);
      }
      expect(row.novelty).toBeGreaterThanOrEqual(0);
      expect(row.popularityBias).toBeGreaterThanOrEqual(0);
      expect(row.popularityBias).toBeLessThanOrEqual(1);
    }
    // Everyone rebuys their staple weekly: buy-again and the hybrid find it, in their first slots.
    const by = Object.fromEntries(rows.map((r) => [r.model, r]));
    expect(by['buy-again']!.hr10).toBe(1);
    expect(by.hybrid!.hr10).toBe(1);

    const table = await tailor(
      'evaluate',
      '--workspace',
      'shop',
      '--cutoff',
      '2024-03-01',
      '--protocol',
      'new-items',
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('shop: Cutoff 2024-03-01, protocol new-items');
    expect(table.stdout).toMatch(/MODEL\s+NDCG@10\s+95% CI\s+HR@10/);
    for (const model of MODELS) expect(table.stdout).toMatch(new RegExp(`^${model}\\s+\\d\\.\\d{4}`, 'm'));
    expect(table.stdout).toMatch(/hybrid vs \S+ \(best baseline\): NDCG@10/);

    const early = await tailor(
      'evaluate',
      '--workspace',
      'shop',
      '--cutoff',
      '2023-06-01',
      '--protocol',
      'all',
    );
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Cutoff 2023-06-01 leaves nothing to train on');
    expect(early.stderr).toContain('the data spans 2024-01-01 to 2024-03-');
  });
});
