/**
 * The field registry of segment rules: what a condition may name, how the builder shows it and
 * the SQL expression it stands for. Expressions read the aliases of the shopper-list convention,
 * `shoppers s left join shopper_profiles p`, and the live scores through subselects.
 */
import { type SQL, sql } from 'drizzle-orm';
import { RFM_SEGMENTS } from '@/db/schema/shoppers';
import type { SegmentOperator } from './schemas';

/**
 * number: a figure (money in minor units of the workspace currency, probabilities 0–1);
 * days-ago: a timestamp compared as "days before now"; enum: one of fixed options;
 * list: short codes compared case-insensitively (countries, locales); text: free text, case-insensitive.
 */
export type SegmentFieldType = 'number' | 'enum' | 'text' | 'days-ago' | 'list';
export type SegmentFieldGroup = 'Predictions' | 'Facts' | 'Behaviour' | 'Preferences';

export interface SegmentField {
  readonly key: string;
  readonly label: string;
  readonly group: SegmentFieldGroup;
  readonly type: SegmentFieldType;
  readonly ops: readonly SegmentOperator[];
  /** 'money': minor units in rules, major units in the builder; 'probability': 0–1; 'days'. */
  readonly unit?: 'money' | 'probability' | 'days';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** The value of the field for one shopper row (null when unknown). */
  readonly sql: SQL;
}

const NUMBER_OPS: readonly SegmentOperator[] = [
  'gt',
  'gte',
  'lt',
  'lte',
  'eq',
  'neq',
  'is_set',
  'is_not_set',
];
const DAYS_OPS: readonly SegmentOperator[] = ['gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set'];
const CHOICE_OPS: readonly SegmentOperator[] = ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'];

const score = (kind: string) =>
  sql.raw(
    `(select x.score from shopper_scores x where x.tenant_id = s.tenant_id and x.shopper_id = s.id and x.kind = '${kind}')`,
  );
const daysAgo = (column: string) => sql.raw(`(extract(epoch from (now() - ${column})) / 86400.0)`);
const titleCase = (v: string) => (v.charAt(0).toUpperCase() + v.slice(1)).replaceAll('_', ' ');

const FIELD_LIST: readonly SegmentField[] = [
  {
    key: 'churn',
    label: 'Churn risk',
    group: 'Predictions',
    type: 'number',
    unit: 'probability',
    ops: NUMBER_OPS,
    sql: score('churn'),
  },
  {
    key: 'propensity',
    label: 'Purchase propensity',
    group: 'Predictions',
    type: 'number',
    unit: 'probability',
    ops: NUMBER_OPS,
    sql: score('propensity'),
  },
  {
    key: 'clv',
    label: 'Expected 12-month spend',
    group: 'Predictions',
    type: 'number',
    unit: 'money',
    ops: NUMBER_OPS,
    sql: score('clv'),
  },
  {
    key: 'preferenceCategory',
    label: 'Most likely next category',
    group: 'Predictions',
    type: 'text',
    ops: CHOICE_OPS,
    sql: sql.raw(
      `(select x.detail->'top'->0->>'category' from shopper_scores x where x.tenant_id = s.tenant_id and x.shopper_id = s.id and x.kind = 'preference')`,
    ),
  },
  {
    key: 'kind',
    label: 'Shopper type',
    group: 'Facts',
    type: 'enum',
    ops: ['eq', 'neq'],
    options: [
      { value: 'customer', label: 'Customer' },
      { value: 'visitor', label: 'Visitor' },
    ],
    sql: sql.raw('s.kind'),
  },
  {
    key: 'country',
    label: 'Country',
    group: 'Facts',
    type: 'list',
    ops: CHOICE_OPS,
    sql: sql.raw('s.country'),
  },
  { key: 'locale', label: 'Locale', group: 'Facts', type: 'list', ops: CHOICE_OPS, sql: sql.raw('s.locale') },
  { key: 'device', label: 'Device', group: 'Facts', type: 'text', ops: CHOICE_OPS, sql: sql.raw('s.device') },
  {
    key: 'firstSeenAt',
    label: 'First seen (days ago)',
    group: 'Facts',
    type: 'days-ago',
    unit: 'days',
    ops: DAYS_OPS,
    sql: daysAgo('s.first_seen_at'),
  },
  {
    key: 'lastSeenAt',
    label: 'Last seen (days ago)',
    group: 'Facts',
    type: 'days-ago',
    unit: 'days',
    ops: DAYS_OPS,
    sql: daysAgo('s.last_seen_at'),
  },
  {
    key: 'orders',
    label: 'Orders',
    group: 'Behaviour',
    type: 'number',
    ops: NUMBER_OPS,
    sql: sql.raw('coalesce(p.orders, 0)'),
  },
  {
    key: 'monetaryMinor',
    label: 'Total spend',
    group: 'Behaviour',
    type: 'number',
    unit: 'money',
    ops: NUMBER_OPS,
    sql: sql.raw('coalesce(p.monetary_minor, 0)'),
  },
  {
    key: 'aovMinor',
    label: 'Average order value',
    group: 'Behaviour',
    type: 'number',
    unit: 'money',
    ops: NUMBER_OPS,
    sql: sql.raw('p.aov_minor'),
  },
  // Live from the last order, so the figure does not age between profile recomputations.
  {
    key: 'recencyDays',
    label: 'Days since last order',
    group: 'Behaviour',
    type: 'days-ago',
    unit: 'days',
    ops: DAYS_OPS,
    sql: daysAgo('p.last_order_at'),
  },
  {
    key: 'meanGapDays',
    label: 'Days between orders (mean)',
    group: 'Behaviour',
    type: 'number',
    unit: 'days',
    ops: NUMBER_OPS,
    sql: sql.raw('p.mean_gap_days'),
  },
  {
    key: 'returns',
    label: 'Returns',
    group: 'Behaviour',
    type: 'number',
    ops: NUMBER_OPS,
    sql: sql.raw('coalesce(p.returns, 0)'),
  },
  {
    key: 'sessions',
    label: 'Sessions',
    group: 'Behaviour',
    type: 'number',
    ops: NUMBER_OPS,
    sql: sql.raw('coalesce(p.sessions, 0)'),
  },
  {
    key: 'views',
    label: 'Product views',
    group: 'Behaviour',
    type: 'number',
    ops: NUMBER_OPS,
    sql: sql.raw('coalesce(p.views, 0)'),
  },
  {
    key: 'rfmSegment',
    label: 'RFM segment',
    group: 'Behaviour',
    type: 'enum',
    ops: CHOICE_OPS,
    options: RFM_SEGMENTS.map((v) => ({ value: v, label: titleCase(v) })),
    sql: sql.raw('p.rfm_segment'),
  },
  {
    key: 'cluster',
    label: 'Discovered cluster',
    group: 'Behaviour',
    type: 'number',
    ops: ['eq', 'neq', 'is_set', 'is_not_set'],
    sql: sql.raw('p.cluster'),
  },
  {
    key: 'topCategory',
    label: 'Top category',
    group: 'Preferences',
    type: 'text',
    ops: CHOICE_OPS,
    sql: sql.raw('p.top_category'),
  },
  {
    key: 'topBrand',
    label: 'Top brand',
    group: 'Preferences',
    type: 'text',
    ops: CHOICE_OPS,
    sql: sql.raw('p.top_brand'),
  },
  {
    key: 'priceBand',
    label: 'Price band',
    group: 'Preferences',
    type: 'enum',
    ops: CHOICE_OPS,
    options: [
      { value: 'budget', label: 'Budget' },
      { value: 'mid', label: 'Mid' },
      { value: 'premium', label: 'Premium' },
    ],
    sql: sql.raw('p.price_band'),
  },
  {
    key: 'preferredLocale',
    label: 'Preferred language',
    group: 'Preferences',
    type: 'list',
    ops: CHOICE_OPS,
    sql: sql.raw('p.preferred_locale'),
  },
];

/** Every field by key. */
export const SEGMENT_FIELDS: ReadonlyMap<string, SegmentField> = new Map(FIELD_LIST.map((f) => [f.key, f]));

/** The field of a key, or null for a key the registry does not know. */
export function getSegmentField(key: string): SegmentField | null {
  return SEGMENT_FIELDS.get(key) ?? null;
}

/** What the builder (a client component) needs: everything but the SQL. */
export type SegmentFieldInfo = Omit<SegmentField, 'sql'>;

/** The registry without its SQL, safe to pass to client components. */
export function segmentFieldInfos(): SegmentFieldInfo[] {
  return FIELD_LIST.map(({ sql: _sql, ...info }) => info);
}
