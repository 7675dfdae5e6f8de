/**
 * Segment rules for people: conditions in words, and the builder's row values ↔ stored rules
 * (money is typed in major units and stored in minor units of the workspace currency).
 */
import type { SegmentFieldInfo } from '@/lib/segments/fields';
import type { SegmentCondition, SegmentOperator, SegmentRules } from '@/lib/segments/schemas';

export const OPERATOR_WORDS: Record<SegmentOperator, string> = {
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  not_in: 'is none of',
  is_set: 'is known',
  is_not_set: 'is unknown',
};

export const KIND_LABELS = { rules: 'Rules', rfm: 'RFM', cluster: 'Discovered' } as const;

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY). */
export function minorPerMajor(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    return 10 ** (digits ?? 2);
  } catch {
    return 100;
  }
}

export type FieldMap = ReadonlyMap<string, SegmentFieldInfo>;

function valueWords(c: SegmentCondition, field: SegmentFieldInfo | undefined, currency: string): string {
  const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [String(c.value)];
  const label = (v: string) => field?.options?.find((o) => o.value === v)?.label ?? v;
  if (field?.unit === 'money' && typeof c.value === 'number') {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
      c.value / minorPerMajor(currency),
    );
  }
  if (field?.unit === 'days' && typeof c.value === 'number') return `${c.value} days`;
  if (field?.unit === 'probability' && typeof c.value === 'number')
    return `${Math.round(c.value * 1000) / 10} %`;
  return values.map(label).join(', ');
}

/** "Churn risk more than 60 %", "Country is one of DE, AT", "Top brand is known". */
export function describeCondition(c: SegmentCondition, fields: FieldMap, currency: string): string {
  const field = fields.get(c.field);
  const name = field?.label ?? c.field;
  const op = OPERATOR_WORDS[c.op];
  if (c.op === 'is_set' || c.op === 'is_not_set') return `${name} ${op}`;
  return `${name} ${op} ${valueWords(c, field, currency)}`;
}

/** The rules as sentences: one per condition, and how they combine. */
export function describeRules(
  rules: SegmentRules,
  fields: FieldMap,
  currency: string,
): { lead: string; lines: string[] } {
  const lines = rules.conditions.map((c) => describeCondition(c, fields, currency));
  if (rules.cluster !== undefined) lines.unshift(`Discovered cluster ${rules.cluster}`);
  if (lines.length === 0) return { lead: 'Every shopper of the workspace.', lines };
  const lead =
    lines.length === 1
      ? 'Shoppers where'
      : rules.match === 'any'
        ? 'Shoppers where any of these holds'
        : 'Shoppers where all of these hold';
  return { lead, lines };
}

/** One builder row: strings as the inputs hold them. */
export interface ConditionRow {
  field: string;
  op: SegmentOperator;
  /** Text for one value or a comma list; the selected options for enum in/not_in. */
  value: string;
  values: string[];
}

const NO_VALUE: ReadonlySet<SegmentOperator> = new Set(['is_set', 'is_not_set']);
const MANY: ReadonlySet<SegmentOperator> = new Set(['in', 'not_in']);

export const needsValue = (op: SegmentOperator) => !NO_VALUE.has(op);
export const takesMany = (op: SegmentOperator) => MANY.has(op);

/** A builder row → a condition (numbers parsed, money scaled); bad input passes through for the server to name. */
export function rowToCondition(row: ConditionRow, fields: FieldMap, currency: string): SegmentCondition {
  const field = fields.get(row.field);
  if (!needsValue(row.op)) return { field: row.field, op: row.op };
  if (field?.type === 'number' || field?.type === 'days-ago') {
    const n = Number(row.value.trim().replace(',', '.'));
    if (row.value.trim() === '' || !Number.isFinite(n))
      return { field: row.field, op: row.op, value: row.value };
    const value = field.unit === 'money' ? Math.round(n * minorPerMajor(currency)) : n;
    return { field: row.field, op: row.op, value };
  }
  if (takesMany(row.op)) {
    const list =
      field?.type === 'enum'
        ? row.values
        : row.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean);
    return { field: row.field, op: row.op, value: list };
  }
  return { field: row.field, op: row.op, value: row.value.trim() };
}

/** A stored condition → a builder row (money back in major units). */
export function conditionToRow(c: SegmentCondition, fields: FieldMap, currency: string): ConditionRow {
  const field = fields.get(c.field);
  const list = Array.isArray(c.value) ? c.value : [];
  let value = Array.isArray(c.value) ? c.value.join(', ') : c.value === undefined ? '' : String(c.value);
  if (field?.unit === 'money' && typeof c.value === 'number')
    value = String(c.value / minorPerMajor(currency));
  return { field: c.field, op: c.op, value, values: list };
}
