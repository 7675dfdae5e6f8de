/**
 * Test data for the import: a small file in the UCI Online Retail shape (written here, so the
 * tests never need ../shared) with every case the format has, and a harness that runs the
 * pipeline with its checkpoint in a real table so crashes can be simulated at any point.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { type ImportCheckpoint, type ImportHooks, runImport } from '../run';
import type { ImportPlan } from '../source';
import type { ImportSummary } from '../summary';

type Line = [code: string, description: string, quantity: number | string, price: string];
type Invoice = [no: string, customer: string, country: string, date: string, lines: Line[]];

const INVOICES: Invoice[] = [
  [
    '536365',
    '17850.0',
    'United Kingdom',
    '12/1/2010 8:26',
    [
      ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2.55'],
      ['71053', 'WHITE METAL LANTERN', 6, '3.39'],
      ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 8, '2.75'],
    ],
  ],
  [
    '536366',
    '17850.0',
    'United Kingdom',
    '12/1/2010 8:28',
    [
      ['22633', 'HAND WARMER UNION JACK', 6, '1.85'],
      ['22632', 'HAND WARMER RED POLKA DOT', 6, '1.85'],
    ],
  ],
  [
    '536367',
    '13047.0',
    'United Kingdom',
    '12/1/2010 8:34',
    [
      ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 32, '1.69'],
      ['22745', "POPPY'S PLAYHOUSE BEDROOM", 6, '2.10'],
      ['22748', "POPPY'S PLAYHOUSE KITCHEN", 6, '2.10'],
      ['22749', 'FELTCRAFT PRINCESS CHARLOTTE DOLL', 8, '3.75'],
      ['21754', 'HOME BUILDING BLOCK WORD', 3, '5.95'],
    ],
  ],
  ['C536379', '14527.0', 'United Kingdom', '12/1/2010 9:41', [['D', 'Discount', -1, '27.50']]],
  [
    '536370',
    '12583.0',
    'France',
    '12/1/2010 8:45',
    [
      ['22728', 'ALARM CLOCK BAKELIKE PINK', 24, '3.75'],
      ['22727', 'ALARM CLOCK BAKELIKE RED', 24, '3.75'],
      ['POST', 'POSTAGE', 3, '18.00'],
    ],
  ],
  [
    '536544',
    '',
    'United Kingdom',
    '12/1/2010 14:32',
    [
      ['21773', 'DECORATIVE ROSE BATHROOM BOTTLE', 1, '2.51'],
      ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2, '5.91'],
      ['21774', 'DECORATIVE CATS BATHROOM BOTTLE', 2, '2.51'],
      ['21786', 'POLKADOT RAIN HAT', 4, '0.85'],
      ['21787', 'RAIN PONCHO RETROSPOT', 2, '1.66'],
      ['21790', 'VINTAGE SNAP CARDS', 9, '1.66'],
    ],
  ],
  [
    '536381',
    '15311.0',
    'EIRE',
    '12/1/2010 9:41',
    [
      ['21462', 'NURSERY A,B,C PAINTED LETTERS', 1, '6.75'],
      ['35004C', 'SET OF 3 COLOURED  FLYING DUCKS', 2, '5.45'],
      ['22086', "PAPER CHAIN KIT 50'S CHRISTMAS ", 4, '2.95'],
      ['84969', 'BOX OF 6 ASSORTED COLOUR "TEASPOONS"', 6, '4.25'],
    ],
  ],
  [
    'C536383',
    '15311.0',
    'EIRE',
    '12/1/2010 9:49',
    [['35004C', 'SET OF 3 COLOURED  FLYING DUCKS', -1, '4.65']],
  ],
  ['536589', '', 'United Kingdom', '12/1/2010 16:50', [['21777', '', -10, '0.0']]],
  ['A563185', '', 'United Kingdom', '8/12/2011 14:50', [['B', 'Adjust bad debt', 1, '11062.06']]],
  ['A563186', '', 'United Kingdom', '8/12/2011 14:51', [['B', 'Adjust bad debt', 1, '-11062.06']]],
  [
    '536390',
    '17511.0',
    'United Kingdom',
    '12/1/2010 10:19',
    [
      ['20668', 'DISCO BALL CHRISTMAS DECORATION', 288, '0.10'],
      ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 64, '2.55'],
      ['21041', 'RED RETROSPOT OVEN GLOVE DOUBLE', 24, '2.75'],
    ],
  ],
  [
    'C536391',
    '17548.0',
    'United Kingdom',
    '12/1/2010 10:24',
    [
      ['22556', 'PLASTERS IN TIN CIRCUS PARADE ', -12, '1.65'],
      ['21980', 'PACK OF 12 RED RETROSPOT TISSUES ', -24, '0.29'],
    ],
  ],
  // The rest of 536390, after another invoice: an order's rows need not be adjacent.
  [
    '536390',
    '17511.0',
    'United Kingdom',
    '12/1/2010 10:19',
    [
      ['22910', 'PAPER CHAIN KIT VINTAGE CHRISTMAS', 40, '2.55'],
      ['85099B', 'JUMBO BAG RED RETROSPOT', 100, '1.65'],
      ['22961', 'JAM MAKING SET PRINTED', 96, '1.45'],
    ],
  ],
  [
    '536392',
    '13705.0',
    'Unspecified',
    '12/1/2010 10:29',
    [
      ['22150', '3 STRIPEY MICE FELTCRAFT', 6, '1.95'],
      ['22457', 'NATURAL SLATE HEART CHALKBOARD ', 6, '2.95'],
      ['84755', 'COLOUR GLASS T-LIGHT HOLDER HANGING', 16, '0.65'],
      ['21754', 'HOME BUILDING BLOCK WORD', 3, '5.95'],
    ],
  ],
  [
    '536393',
    '',
    'USA',
    '12/1/2010 10:37',
    [
      ['22180', 'RETROSPOT LAMP', 8, '9.95'],
      ['90214Z', 'LETTER "Z" BLING KEY RING', 'abc', '0.29'], // rejected: not a number
      ['21790', 'VINTAGE SNAP CARDS', 12, '0.85'],
    ],
  ],
  [
    '536394',
    '13408.0',
    'United Kingdom',
    '12/1/2010 10:39',
    [
      ['21506', 'FANCY FONT BIRTHDAY CARD, ', 24, '0.42'],
      ['22633', 'HAND WARMER UNION JACK', 96, '1.85'],
    ],
  ],
  [
    '536395',
    '',
    'United Kingdom',
    '12/1/2010 10:47',
    [
      ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 1, '2.55'],
      ['22632', 'HAND WARMER RED POLKA DOT', 1, '2.10'],
      ['22633', 'HAND WARMER UNION JACK', 1, '2.10'],
    ],
  ],
];

/** One bad date, placed in 536394 (row 46): the invoice keeps its valid line. */
const BAD_DATE_ROW = { invoice: '536394', line: 0, date: '13/45/2010 25:00' };

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The fixture as CSV text (CRLF, like the UCI export), 48 data rows. */
export function onlineRetailCsv(): string {
  const out = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (const [no, customer, country, date, lines] of INVOICES) {
    lines.forEach(([code, description, quantity, price], i) => {
      const when = no === BAD_DATE_ROW.invoice && i === BAD_DATE_ROW.line ? BAD_DATE_ROW.date : date;
      out.push([no, code, q(description), String(quantity), when, price, customer, q(country)].join(','));
    });
  }
  return `${out.join('\r\n')}\r\n`;
}

/** What importing the fixture must produce (derived by hand from the table above). */
export const ONLINE_RETAIL_EXPECTED = {
  rows: 48,
  rejected: 2,
  counts: {
    // 85123A 71053 84406B 22633 22632 84879 22745 22748 22749 21754 D 22728 22727 POST 21773 21774
    // 21786 21787 21790 21462 35004C 22086 84969 21777 B 20668 21041 22556 21980 22910 85099B 22961
    // 22150 22457 84755 22180; 90214Z and 21506 only appear on rejected rows
    products: 36,
    shoppers: 9,
    orders: 17,
    cancellations: 3,
    guestOrders: 6,
    events: 0,
  },
  statuses: { paid: 12, returned: 3, cancelled: 1, refunded: 1 },
};

export function tempFile(content: string | Buffer, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-import-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const TABLE = sql.raw('import_test_checkpoints');

/** A checkpoint store in a real table, written in the batch's transaction like the job's. */
export async function createCheckpointTable(db: Executor): Promise<void> {
  await db.execute(sql`create table if not exists ${TABLE} (key text primary key, value jsonb not null)`);
}

async function readCheckpoint(db: Executor, key: string): Promise<ImportCheckpoint | null> {
  const [row] = rowsOf<{ value: ImportCheckpoint }>(
    await db.execute(sql`select value from ${TABLE} where key = ${key}`),
  );
  return row?.value ?? null;
}

/** Thrown by the harness to stop a run like a crash at a chosen checkpoint write. */
export class SimulatedCrash extends Error {}

/**
 * Runs the pipeline for `plan` as the job would, resuming from the checkpoint stored under
 * `key`. `crashAtSave: n` throws inside the n-th checkpoint write (so that batch rolls back).
 */
export async function runWithCheckpoints(
  db: Db,
  tenantId: string,
  plan: ImportPlan,
  key: string,
  opts: { crashAtSave?: number; progress?: ImportHooks['progress'] } = {},
): Promise<ImportSummary> {
  let saves = 0;
  return runImport(plan, {
    db,
    tenant: { tenantId },
    checkpoint: await readCheckpoint(db, key),
    async saveCheckpoint(value, tx) {
      saves++;
      await tx.execute(sql`
        insert into ${TABLE} (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value`);
      if (opts.crashAtSave === saves) throw new SimulatedCrash(`crash at checkpoint ${saves}`);
    },
    progress: opts.progress ?? (() => undefined),
    throwIfCancelled: () => undefined,
  });
}
