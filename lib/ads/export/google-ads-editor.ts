/**
 * Google Ads Editor import (Account → Import → From file) of responsive search ads: one row per
 * ad with the columns Editor recognises (Campaign, Ad group, Ad type, Headline 1–15, Description
 * 1–4, Final URL, Path 1, Path 2, Status). Every row is checked against the RSA rules before
 * anything is written, so a file either imports completely or is not produced.
 */
import { textLength } from '@/lib/ads/channels';
import type { CreativeFields } from '@/lib/ads/types';
import { cellProblem, csvDocument, ExportError, texts, urlProblem } from './csv';
import { fieldProblems, nameProblems } from './row-checks';

export interface GoogleAdsEditorRow {
  /** Names the creative in errors, e.g. "VIP · de · 3f2a…". */
  label: string;
  campaign: string;
  adGroup: string;
  /** A google-rsa creative: `headlines` (3–15, ≤ 30) and `descriptions` (2–4, ≤ 90). */
  fields: CreativeFields;
  finalUrl: string;
  /** Display path parts after the domain, ≤ 15 each (CJK counting 2); Path 2 needs Path 1. */
  path1?: string | null;
  path2?: string | null;
  status: 'enabled' | 'paused';
}

const MAX_HEADLINES = 15;
const MAX_DESCRIPTIONS = 4;
const PATH_LIMIT = 15;
const NAME_LIMIT = 255;

export const GOOGLE_ADS_EDITOR_COLUMNS: readonly string[] = [
  'Campaign',
  'Ad group',
  'Ad type',
  ...Array.from({ length: MAX_HEADLINES }, (_, i) => `Headline ${i + 1}`),
  ...Array.from({ length: MAX_DESCRIPTIONS }, (_, i) => `Description ${i + 1}`),
  'Final URL',
  'Path 1',
  'Path 2',
  'Status',
];

function rowProblems(row: GoogleAdsEditorRow): string[] {
  const problems = [
    ...fieldProblems('google-rsa', row.fields),
    ...nameProblems(
      [
        ['Campaign', row.campaign],
        ['Ad group', row.adGroup],
      ],
      NAME_LIMIT,
    ),
  ];
  const url = urlProblem(row.finalUrl);
  if (url) problems.push(`Final URL ${url}`);
  for (const [name, value] of [
    ['Path 1', row.path1],
    ['Path 2', row.path2],
  ] as const) {
    if (!value) continue;
    if (textLength(value, 'google') > PATH_LIMIT)
      problems.push(`${name} is longer than ${PATH_LIMIT} characters`);
    if (/[/\s]/.test(value)) problems.push(`${name} may not contain '/' or spaces`);
  }
  if (row.path2 && !row.path1) problems.push('Path 2 is set without Path 1');
  const all = [...texts(row.fields, 'headlines'), ...texts(row.fields, 'descriptions')];
  for (const text of all) {
    const cell = cellProblem(text);
    if (cell) problems.push(`'${text}' ${cell}`);
  }
  return problems;
}

function pad(values: string[], size: number): string[] {
  return Array.from({ length: size }, (_, i) => values[i] ?? '');
}

/**
 * The responsive search ads as a Google Ads Editor CSV (UTF-8 with BOM, CRLF). Throws
 * ExportError naming every row that breaks a rule; an empty list gives just the header.
 */
export function toGoogleAdsEditorCsv(rows: readonly GoogleAdsEditorRow[]): string {
  const perRow = rows.map((row) => rowProblems(row).map((p) => `${row.label}: ${p}`));
  const problems = perRow.flat();
  if (problems.length > 0) throw new ExportError(problems, perRow.filter((p) => p.length > 0).length);
  return csvDocument(
    GOOGLE_ADS_EDITOR_COLUMNS,
    rows.map((row) => [
      row.campaign,
      row.adGroup,
      'Responsive search ad',
      ...pad(texts(row.fields, 'headlines'), MAX_HEADLINES),
      ...pad(texts(row.fields, 'descriptions'), MAX_DESCRIPTIONS),
      row.finalUrl,
      row.path1 ?? '',
      row.path2 ?? '',
      row.status === 'enabled' ? 'Enabled' : 'Paused',
    ]),
  );
}
