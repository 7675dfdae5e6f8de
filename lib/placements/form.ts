import { fieldErrorsOf } from '@/lib/validation';
import { AppError } from '@/lib/errors';
import { placementInputSchema } from './schemas';

/**
 * The placement form posts flat, dotted field names that mirror the schema's paths
 * (`rules.boosts.0.factor`), so a zod error path names the very input it belongs to. This turns
 * those fields into the nested body the service takes. Form-only conventions live here, not in
 * the schema: an absent checkbox is false, lists are one entry per line, prices are typed in
 * major units (12.50) while rules store minor units, and a trailing blank row is the spare row
 * the form always offers.
 */

/** Field names of the checkboxes: absent from FormData means unchecked. */
const CHECKBOXES = ['rules.excludeOutOfStock', 'rules.excludePurchased.enabled', 'rules.newOnly'];
/** Textareas with one entry per line. */
const LINE_LISTS = [
  'rules.includeCategories',
  'rules.excludeCategories',
  'rules.includeBrands',
  'rules.excludeBrands',
];
/** Form names of the price fields (major units) → the rules path they fill (minor units). */
export const PRICE_FIELDS = {
  priceMin: 'rules.priceRange.minMinor',
  priceMax: 'rules.priceRange.maxMinor',
} as const;

type Tree = Record<string, unknown>;

/** Digits after the decimal point of a currency (EUR 2, JPY 0). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "12.50" or "12,50" → 1250 (with 2 digits); blank → undefined; anything else → null. */
export function parseMajor(text: string, digits: number): number | undefined | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * 10 ** digits);
}

/** Minor units → the text a price field shows (1250 → "12.50"). */
export function formatMajor(minor: number | undefined, digits: number): string {
  return minor === undefined ? '' : (minor / 10 ** digits).toFixed(digits);
}

function setPath(tree: Tree, path: string[], value: unknown): void {
  let node: Tree = tree;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      node[seg] = value;
      return;
    }
    const next = node[seg];
    if (next && typeof next === 'object') node = next as Tree;
    else {
      const child: Tree = {};
      node[seg] = child;
      node = child;
    }
  });
}

/** `{ '0': {...}, '2': {...} }` → an array in index order, without holes' shifting earlier rows. */
function rows(v: unknown): Tree[] {
  if (!v || typeof v !== 'object') return [];
  const byIndex = Object.entries(v as Tree)
    .filter(([k]) => /^\d+$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b));
  const out: Tree[] = [];
  for (const [k, row] of byIndex) out[Number(k)] = (row ?? {}) as Tree;
  // Holes (a row removed in the browser) become blank rows, keeping each row's index stable.
  const filled = Array.from(out, (r) => r ?? {});
  while (filled.length > 0 && isBlank(filled.at(-1))) filled.pop();
  return filled;
}

function isBlank(row: Tree | undefined): boolean {
  return !row || Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '');
}

const lines = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

/**
 * Form fields (as `formToObject` returns them) → the placement body, or field errors for values
 * only the form can get wrong (a price that is not a number). Throws nothing.
 */
export function placementFromForm(
  form: Record<string, unknown>,
  currency: string,
): { input: Tree; errors?: Record<string, string[]> } {
  const tree: Tree = {};
  const errors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === 'tenant' || k === 'id' || k in PRICE_FIELDS) continue;
    if (CHECKBOXES.includes(k) || LINE_LISTS.includes(k)) continue;
    setPath(tree, k.split('.'), Array.isArray(v) ? v.at(-1) : v);
  }
  for (const k of CHECKBOXES) setPath(tree, k.split('.'), form[k] === 'on' || form[k] === 'true');
  for (const k of LINE_LISTS) setPath(tree, k.split('.'), lines(form[k]));

  const digits = currencyDigits(currency);
  for (const [field, path] of Object.entries(PRICE_FIELDS)) {
    const raw = form[field];
    const minor = typeof raw === 'string' ? parseMajor(raw, digits) : undefined;
    if (minor === null) errors[path] = [`Enter a price such as 12.50 (${currency}).`];
    else if (minor !== undefined) setPath(tree, path.split('.'), minor);
  }

  const rules = (tree.rules ?? {}) as Tree;
  rules.boosts = rows(rules.boosts);
  rules.pins = rows(rules.pins).map((p) => ({
    ...p,
    position: typeof p.position === 'string' && p.position.trim() !== '' ? Number(p.position) : undefined,
  }));
  tree.rules = rules;
  return Object.keys(errors).length ? { input: tree, errors } : { input: tree };
}

/**
 * `placementFromForm`, throwing every field error at once (the form's own and the schema's) so
 * the merchant sees all of them after one submit.
 */
export function placementFromFormOrThrow(form: Record<string, unknown>, currency: string): Tree {
  const { input, errors } = placementFromForm(form, currency);
  if (!errors) return input;
  const parsed = placementInputSchema.safeParse(input);
  const all = parsed.success ? errors : { ...fieldErrorsOf(parsed.error), ...errors };
  throw new AppError('validation_failed', 'Check the highlighted fields.', all);
}
