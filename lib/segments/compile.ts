/**
 * Segment rules → one SQL boolean over the aliases `s` (shoppers) and `p` (shopper_profiles).
 * Field expressions come from the registry; every value travels as a bound parameter.
 */
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import { type SegmentField, getSegmentField } from './fields';
import { type SegmentCondition, type SegmentRules, segmentRulesSchema } from './schemas';

const MAX_TEXT = 200;

function invalid(index: number, part: 'field' | 'op' | 'value', message: string): AppError {
  const full = `Condition ${index + 1}: ${message}`;
  return new AppError('validation_failed', full, { [`rules.conditions.${index}.${part}`]: [full] });
}

function numberValue(c: SegmentCondition, i: number): number {
  const v = typeof c.value === 'string' && c.value.trim() !== '' ? Number(c.value) : c.value;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(i, 'value', 'enter a number.');
  return v;
}

function textValues(c: SegmentCondition, i: number, field: SegmentField, many: boolean): string[] {
  const raw = Array.isArray(c.value) ? c.value : typeof c.value === 'string' ? c.value.split(',') : [];
  const values = [...new Set(raw.map((v) => v.trim()).filter((v) => v !== ''))];
  if (values.length === 0) throw invalid(i, 'value', many ? 'enter at least one value.' : 'enter a value.');
  if (!many && values.length > 1) throw invalid(i, 'value', 'enter one value (or use “is one of”).');
  if (values.some((v) => v.length > MAX_TEXT))
    throw invalid(i, 'value', `values are at most ${MAX_TEXT} characters.`);
  if (field.options) {
    const allowed = new Set(field.options.map((o) => o.value));
    const wrong = values.find((v) => !allowed.has(v));
    if (wrong !== undefined) throw invalid(i, 'value', `“${wrong}” is not a value of ${field.label}.`);
  }
  return values;
}

/** One condition → SQL. Throws validation_failed naming the condition for anything unknown or malformed. */
export function compileCondition(c: SegmentCondition, i: number): SQL {
  const field = getSegmentField(c.field);
  if (!field) throw invalid(i, 'field', `unknown field “${c.field}”.`);
  if (!field.ops.includes(c.op)) throw invalid(i, 'op', `${field.label} cannot use the operator “${c.op}”.`);
  const e = field.sql;
  if (c.op === 'is_set') return sql`(${e} is not null)`;
  if (c.op === 'is_not_set') return sql`(${e} is null)`;
  if (field.type === 'number' || field.type === 'days-ago') {
    const v = numberValue(c, i);
    switch (c.op) {
      case 'gt':
        return sql`(${e} > ${v})`;
      case 'gte':
        return sql`(${e} >= ${v})`;
      case 'lt':
        return sql`(${e} < ${v})`;
      case 'lte':
        return sql`(${e} <= ${v})`;
      case 'eq':
        return sql`(${e} = ${v})`;
      // Shoppers without a value are "not equal" too: negative operators include the unknown.
      case 'neq':
        return sql`(${e} is distinct from ${v})`;
      default:
        throw invalid(i, 'op', `${field.label} cannot use the operator “${c.op}”.`);
    }
  }
  // enum values are exact; codes and free text compare case-insensitively.
  const fold = field.type !== 'enum';
  const expr = fold ? sql`lower(${e})` : e;
  const many = c.op === 'in' || c.op === 'not_in';
  const values = textValues(c, i, field, many).map((v) => (fold ? v.toLowerCase() : v));
  const list = sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
  switch (c.op) {
    case 'eq':
      return sql`(${expr} = ${values[0]})`;
    case 'neq':
      return sql`(${expr} is distinct from ${values[0]})`;
    case 'in':
      return sql`(${expr} in (${list}))`;
    case 'not_in':
      return sql`(${e} is null or ${expr} not in (${list}))`;
    default:
      throw invalid(i, 'op', `${field.label} cannot use the operator “${c.op}”.`);
  }
}

/**
 * Parses (zod) and compiles rules. No conditions → every shopper (`true`); `cluster` adds
 * `p.cluster = n`. Throws validation_failed with field errors (`rules.conditions.<i>.<part>`).
 */
export function compileSegmentRules(input: unknown): SQL {
  const rules = parseSegmentRules(input);
  const parts = rules.conditions.map((c, i) => compileCondition(c, i));
  const joined =
    parts.length === 0 ? sql`true` : sql.join(parts, rules.match === 'any' ? sql` or ` : sql` and `);
  if (rules.cluster === undefined) return sql`(${joined})`;
  return sql`(p.cluster = ${rules.cluster} and (${joined}))`;
}

/** zod-parses stored or submitted rules; throws validation_failed with `rules.…` field errors. */
export function parseSegmentRules(input: unknown): SegmentRules {
  const parsed = segmentRulesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fieldErrorsOf(parsed.error)))
    errors[k === '_' ? 'rules' : `rules.${k}`] = v;
  throw new AppError('validation_failed', 'The segment rules are not valid.', errors);
}

/** Throws like compileSegmentRules; returns the parsed rules when they compile. */
export function validateSegmentRules(input: unknown): SegmentRules {
  const rules = parseSegmentRules(input);
  compileSegmentRules(rules);
  return rules;
}
