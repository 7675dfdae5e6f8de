import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase, rowsOf } from '@/db/client';
import { getEnv } from '@/lib/env';
import { JobRunner } from '@/lib/jobs/runner';
import { waitForStatus } from '@/lib/jobs/testing/wait';
import { openTestDatabase, testDrivers } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getImport, updateImport } from './queries';
import { createImport, startImport } from './service';
import type { ImportSummary } from './summary';

/**
 * "Kill the server in the middle of an import": a child process runs the import job and is
 * killed with SIGKILL after some batches; the database then holds whole batches only, and the
 * job, reclaimed by another runner, finishes with exact counts and no duplicates.
 */
const CHILD = path.resolve(import.meta.dirname, 'testing/import-child.ts');
const INVOICES = 16_000;
const LINES = 5;
const BATCH_ROWS = 500; // 100 invoices per batch

function retailFile(): string {
  const out = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (let i = 0; i < INVOICES; i++) {
    const no = `${i % 10 === 9 ? 'C' : ''}${600000 + i}`;
    const customer = i % 7 === 0 ? '' : `${12000 + (i % 900)}.0`;
    const minute = String(i % 60).padStart(2, '0');
    for (let l = 0; l < LINES; l++) {
      const code = `SKU${(i * 7 + l * 13) % 300}`;
      const qty = i % 10 === 9 ? -(l + 1) : l + 1;
      out.push(
        `${no},${code},ITEM ${code},${qty},2011-0${1 + (i % 9)}-1${l} 10:${minute}:00,1.25,${customer},United Kingdom`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** Starts the child on the database and kills it once at least `killAfterRows` rows are committed. */
async function runAndKill(target: string, tenantId: string, importId: string, killAfterRows: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, tenantId, importId], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'error' },
  });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killedAt = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const matches = [...buffer.matchAll(/rows (\d+)/g)];
      const rows = Number(matches.at(-1)?.[1] ?? 0);
      if (rows >= killAfterRows) {
        child.kill('SIGKILL'); // no shutdown of any kind: the lease and an open transaction are left behind
        resolve(rows);
      }
    });
    child.once('exit', () => reject(new Error(`the child exited before it was killed:\n${stderr}`)));
  });
  await exited;
  children.delete(child);
  return killedAt;
}

describe.each(testDrivers())('an import killed mid-way (%s)', (driver) => {
  it('resumes after the last committed batch: no duplicates, no partial batch, exact counts', {
    timeout: 240_000,
  }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-import-kill-'));
    let handle: (DbHandle & { dispose?: () => Promise<void> }) | undefined;
    const open = async () => {
      handle =
        driver === 'pglite'
          ? await openDatabase({ driver: 'pglite', dataDir })
          : await openTestDatabase('postgres');
      return handle;
    };
    try {
      let db = (await open()).db;
      let target = dataDir;
      if (driver === 'postgres') {
        const [row] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
        const url = new URL(getEnv().TEST_DATABASE_URL!);
        url.pathname = `/${row!.name}`;
        target = url.toString();
      }
      const { ctx } = await createTestTenant(db);
      const text = retailFile();
      const imp = await createImport(
        db,
        ctx,
        { body: Readable.from([Buffer.from(text)]), fileName: 'retail.csv', kind: 'orders' },
        { dataDir },
      );
      await updateImport(db, ctx, imp.id, { options: { ...imp.options, batchRows: BATCH_ROWS } });
      const started = await startImport(db, ctx, { id: imp.id });
      if (driver === 'pglite') await handle!.close(); // one process at a time on the embedded database

      const killedAt = await runAndKill(target, ctx.tenantId, imp.id, 4 * BATCH_ROWS);
      if (driver === 'pglite') db = (await open()).db; // crash recovery of the killed process's data folder

      // In between: whole batches only, matching the checkpoint saved with them.
      const [mid] = rowsOf<{
        rows_done: number;
        checkpoint_row: number;
        orders: number;
        lines: number;
        status: string;
      }>(
        await db.execute(sql`
          select i.rows_done, (j.checkpoint->>'row')::int as checkpoint_row, j.status,
                 (select count(*)::int from orders where tenant_id = ${ctx.tenantId}) as orders,
                 (select count(*)::int from order_lines where tenant_id = ${ctx.tenantId}) as lines
          from imports i join jobs j on j.tenant_id = i.tenant_id and j.id = i.job_id
          where i.tenant_id = ${ctx.tenantId} and i.id = ${imp.id}`),
      );
      expect(mid!.status).toBe('running'); // the killed worker never settled it
      expect(mid!.rows_done).toBeGreaterThanOrEqual(killedAt);
      expect(mid!.rows_done).toBeLessThan(INVOICES * LINES);
      expect(mid!.checkpoint_row).toBe(mid!.rows_done);
      expect(mid!.orders).toBe(mid!.rows_done / LINES);
      expect(mid!.lines).toBe(mid!.rows_done);

      // Another runner reclaims the job when the dead worker's lease runs out, and finishes it.
      const runner = new JobRunner(db, { leaseMs: 1_500, heartbeatMs: 300, pollMs: 50, scheduleMs: 0 });
      runner.start();
      try {
        const job = await waitForStatus(db, ctx.tenantId, started.jobId!, 'succeeded', 'failed');
        expect(job.status).toBe('succeeded');
        expect(job.attempts).toBe(2);
      } finally {
        await runner.stop();
      }
      const [end] = rowsOf<{
        orders: number;
        distinct_orders: number;
        lines: number;
        products: number;
        shoppers: number;
      }>(
        await db.execute(sql`
          select (select count(*)::int from orders where tenant_id = ${ctx.tenantId}) as orders,
                 (select count(distinct external_id)::int from orders where tenant_id = ${ctx.tenantId}) as distinct_orders,
                 (select count(*)::int from order_lines where tenant_id = ${ctx.tenantId}) as lines,
                 (select count(*)::int from products where tenant_id = ${ctx.tenantId}) as products,
                 (select count(*)::int from shoppers where tenant_id = ${ctx.tenantId}) as shoppers`),
      );
      expect(end).toEqual({
        orders: INVOICES,
        distinct_orders: INVOICES,
        lines: INVOICES * LINES,
        products: 300,
        shoppers: 900,
      });
      const summary = (await getImport(db, ctx, imp.id))!.summary as unknown as ImportSummary;
      expect(summary).toMatchObject({
        rows: INVOICES * LINES,
        accepted: INVOICES * LINES,
        rejected: 0,
        counts: {
          products: 300,
          shoppers: 900,
          orders: INVOICES,
          cancellations: INVOICES / 10,
          guestOrders: Math.ceil(INVOICES / 7),
        },
        entities: { orders: { inserted: INVOICES, updated: 0, unchanged: 0 }, products: { inserted: 300 } },
      });
    } finally {
      if (handle?.dispose) await handle.dispose();
      else await handle?.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
