/**
 * Reading the UCI Online Retail file (`../shared/data/online-retail/`) for the recommendation
 * benches: the clean lines of issue 10 (customer present, not a cancellation, quantity > 0,
 * price > 0), straight from the gzipped CSV, without a database.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { DatasetBuilder } from '@/lib/recommend/data/builder';
import { type Dataset, KIND_CODE } from '@/lib/recommend/types';

/** The file next to the repository, as the issue names it. */
export const ONLINE_RETAIL_FILE = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/online-retail/online_retail.csv.gz',
);

export interface Line {
  customer: string;
  item: string;
  invoice: string;
  /** Epoch ms (the file's times are read as UTC). */
  time: number;
  quantity: number;
  /** Unit price in pounds sterling (the file's currency). */
  price: number;
  country: string;
}

/** Splits one CSV record (RFC 4180: quoted fields, doubled quotes). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Clean lines only: customer present, not a cancellation (`C…`), quantity > 0, price > 0. */
export async function readCleanLines(file: string): Promise<{ lines: Line[]; total: number }> {
  const rl = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const lines: Line[] = [];
  let header: string[] | undefined;
  let total = 0;
  for await (const text of rl) {
    const f = splitCsv(text);
    if (!header) {
      header = f;
      continue;
    }
    total++;
    const col = (name: string) => f[header!.indexOf(name)]?.trim() ?? '';
    const invoice = col('InvoiceNo');
    const customer = col('CustomerID').replace(/\.0$/, '');
    const quantity = Number(col('Quantity'));
    const price = Number(col('UnitPrice'));
    if (!customer || invoice.startsWith('C') || !(quantity > 0) || !(price > 0)) continue;
    const time = Date.parse(`${col('InvoiceDate').replace(' ', 'T')}Z`);
    lines.push({ customer, item: col('StockCode'), invoice, time, quantity, price, country: col('Country') });
  }
  return { lines, total };
}

/** Every line as a purchase, sorted by time, with each customer's (last seen) country. */
export function datasetOf(lines: readonly Line[]): Dataset {
  const b = new DatasetBuilder();
  for (const l of lines) b.add(l.customer, l.item, l.time, KIND_CODE.purchase, l.quantity);
  const d = b.build();
  const country = new Map(lines.map((l) => [l.customer, l.country]));
  d.shopperCountry = d.shopperIds.map((id) => country.get(id) ?? null);
  return d;
}
