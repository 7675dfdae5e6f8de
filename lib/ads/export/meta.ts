/**
 * Meta Ads Manager bulk import (Import ads in bulk, CSV): one row per ad with the columns Ads
 * Manager's export uses (Campaign Name, Campaign Objective, Ad Set Name, Ad Name, Ad Status,
 * Title, Body, Link, Call to Action). A creative with several primary texts or headlines becomes
 * one ad per pair (text i with headline i, the shorter list repeating), named "<ad> 1", "<ad> 2"…,
 * so each variant gets its own delivery data. Rows are validated before anything is written.
 */
import type { CreativeFields } from '@/lib/ads/types';
import { cellProblem, csvDocument, ExportError, texts, urlProblem } from './csv';
import { fieldProblems, nameProblems } from './row-checks';

/** Call-to-action button types Ads Manager accepts in an import file. */
export const META_CALLS_TO_ACTION = [
  'SHOP_NOW',
  'LEARN_MORE',
  'SIGN_UP',
  'GET_OFFER',
  'ORDER_NOW',
  'SUBSCRIBE',
  'CONTACT_US',
] as const;
export type MetaCallToAction = (typeof META_CALLS_TO_ACTION)[number];

export interface MetaBulkRow {
  /** Names the creative in errors. */
  label: string;
  campaign: string;
  /** Ads Manager objective name; default "Outcome Sales". */
  objective?: string;
  adSet: string;
  adName: string;
  /** A meta creative: `primaryText` (1–5, ≤ 125) and `headline` (1–5, ≤ 40). */
  fields: CreativeFields;
  link: string;
  callToAction?: MetaCallToAction;
  status: 'active' | 'paused';
}

export const META_BULK_COLUMNS: readonly string[] = [
  'Campaign Name',
  'Campaign Objective',
  'Ad Set Name',
  'Ad Name',
  'Ad Status',
  'Title',
  'Body',
  'Link',
  'Call to Action',
];

const NAME_LIMIT = 400;

function rowProblems(row: MetaBulkRow): string[] {
  const problems = [
    ...fieldProblems('meta', row.fields),
    ...nameProblems(
      [
        ['Campaign', row.campaign],
        ['Ad set', row.adSet],
        ['Ad', row.adName],
      ],
      NAME_LIMIT,
    ),
  ];
  const url = urlProblem(row.link);
  if (url) problems.push(`Link ${url}`);
  if (row.callToAction && !META_CALLS_TO_ACTION.includes(row.callToAction)) {
    problems.push(`Call to action '${row.callToAction}' is not one Ads Manager accepts`);
  }
  for (const text of [...texts(row.fields, 'primaryText'), ...texts(row.fields, 'headline')]) {
    const cell = cellProblem(text);
    if (cell) problems.push(`'${text}' ${cell}`);
  }
  return problems;
}

/**
 * The ads as a Meta bulk-import CSV (UTF-8 with BOM, CRLF). Throws ExportError naming every
 * creative that breaks a rule; an empty list gives just the header.
 */
export function toMetaBulkCsv(rows: readonly MetaBulkRow[]): string {
  const perRow = rows.map((row) => rowProblems(row).map((p) => `${row.label}: ${p}`));
  const problems = perRow.flat();
  if (problems.length > 0) throw new ExportError(problems, perRow.filter((p) => p.length > 0).length);
  const lines: string[][] = [];
  for (const row of rows) {
    const bodies = texts(row.fields, 'primaryText');
    const titles = texts(row.fields, 'headline');
    const count = Math.max(bodies.length, titles.length);
    for (let i = 0; i < count; i++) {
      lines.push([
        row.campaign,
        row.objective ?? 'Outcome Sales',
        row.adSet,
        count === 1 ? row.adName : `${row.adName} ${i + 1}`,
        row.status === 'active' ? 'ACTIVE' : 'PAUSED',
        titles[i % titles.length] ?? '',
        bodies[i % bodies.length] ?? '',
        row.link,
        row.callToAction ?? 'SHOP_NOW',
      ]);
    }
  }
  return csvDocument(META_BULK_COLUMNS, lines);
}
