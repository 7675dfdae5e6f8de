import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, spawnTailor } from '../testing/spawn';

/**
 * `tailor embed` and `tailor search` as a user runs them: the real CLI in a child process against
 * an embedded database in a temporary folder, after `tailor import products`. Each spawn starts
 * PGlite, so the steps are few. MODELS_DIR points at an empty folder: the lexical embedder stands
 * in for the default model, whatever is installed on the machine running the tests.
 */
let dir: string;

function tailor(...args: string[]): Promise<CliRun> {
  return spawnTailor(args, {
    cwd: dir,
    dataDir: path.join(dir, 'data'),
    env: { MODELS_DIR: path.join(dir, 'models'), TAILOR_ALLOW_MODEL_DOWNLOAD: undefined },
  });
}

const CATALOG = [
  'sku,title,price,currency,description,category,brand,stock',
  'SHIRT,Linen shirt,49.00,EUR,A breezy shirt of washed linen,Apparel > Shirts,Nordic,10',
  'CREME,Crème brûlée set,25.00,EUR,Four ramekins and a torch,Kitchen > Baking,Maison,5',
  'BOOTS,Leather boots,129.00,EUR,,Apparel > Shoes,Alpen,',
  'MUG,Coffee mug,12.00,EUR,Stoneware,Kitchen,Maison,3',
  'SHIRT-2,Cotton shirt,29.00,EUR,A soft cotton shirt,Apparel > Shirts,Nordic,0',
].join('\n');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-cli-search-'));
  fs.mkdirSync(path.join(dir, 'models'));
  fs.writeFileSync(path.join(dir, 'catalog.csv'), `${CATALOG}\n`);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// Eight spawns; on a busy shared machine each can take 20 s or more.
describe('tailor embed and tailor search', { timeout: 600_000 }, () => {
  it('imports, searches by title at once, embeds with progress, then searches in every mode', async () => {
    expect((await tailor('user', 'create', '--email', 'cli-search@example.test', '--name', 'CLI')).code).toBe(
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
      'cli-search@example.test',
    );
    expect(ws.code).toBe(0);
    expect((await tailor('import', 'products', 'catalog.csv', '--workspace', 'shop')).code).toBe(0);

    // Before any embedding: keyword results from the titles, and a notice saying why.
    const early = await tailor('search', 'creme', '--workspace', 'shop', '--json');
    expect(early.code).toBe(0);
    const earlyBody = JSON.parse(early.stdout);
    expect(earlyBody).toMatchObject({
      query: 'creme',
      mode: 'keyword',
      embedder: null,
      notice: expect.any(String),
    });
    expect(earlyBody.results.map((r: { externalId: string }) => r.externalId)).toEqual(['CREME']);

    const embedded = await tailor('embed', '--workspace', 'shop');
    expect(embedded.code, embedded.stderr).toBe(0);
    expect(embedded.stdout).toContain('Embedded the catalog of shop');
    expect(embedded.stdout).toMatch(/embedder {2}Lexical.* · lexical@1 · 512 dimensions/);
    expect(embedded.stdout).toContain('stands in for the requested auto');
    expect(embedded.stdout).toContain('products  5 of 5 embedded (100 %)');
    expect(embedded.stdout).toContain('skipped   none');
    expect(embedded.stderr).toMatch(/100% embedding/);

    const human = await tailor('search', 'linen shirt', '--workspace', 'shop', '--k', '3');
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^#\s+SCORE\s+SIMILARITY\s+EXTERNAL ID\s+TITLE$/);
    expect(lines[1]).toMatch(/^1\s+0\.\d{4}\s+0\.\d{3}\s+SHIRT\s+Linen shirt$/);
    // The cotton shirt comes from the semantic list; unrelated products stay below its floor.
    expect(lines[2]).toMatch(/^2\s+0\.\d{4}\s+0\.\d{3}\s+SHIRT-2\s+Cotton shirt$/);
    expect(lines).toHaveLength(3);
    expect(human.stderr).toMatch(/hybrid search with Lexical/);

    const json = await tailor(
      'search',
      '--query',
      'shirt',
      '--workspace',
      'shop',
      '--mode',
      'semantic',
      '--json',
    );
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body).toMatchObject({
      query: 'shirt',
      mode: 'semantic',
      embedder: {
        space: 'lexical@1',
        kind: 'lexical',
        dimensions: 512,
        fallback: true,
        reason: expect.any(String),
      },
    });
    expect(body.results[0]).toEqual({
      rank: 1,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      externalId: expect.stringMatching(/^SHIRT/),
      title: expect.stringMatching(/shirt$/),
      score: expect.any(Number),
      similarity: expect.any(Number),
    });

    const missing = await tailor('search', 'shirt', '--workspace', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Workspace not found: nope');
  });
});
