/**
 * Which languages the catalog speaks and which its shoppers write: per-locale translation
 * coverage, products lacking a locale, product texts in the wrong language, and the languages of
 * recent searches and reviews. Every query filters each table it reads by the tenant.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { badRequest } from '@/lib/errors';
import {
  LANGUAGE_ALIASES,
  baseLanguage,
  detectLanguageSync,
  ensureLanguageDetector,
  languageName,
} from '@/lib/language/detect';
import type { TenantContext } from '@/lib/tenant/context';

type Ctx = Pick<TenantContext, 'tenantId'>;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const num = (v: unknown) => Number(v ?? 0);

// A locale counts as present only with a non-blank value: importers write '' for "not translated".
const hasText = (column: string, locale: SQL) =>
  sql`(${sql.raw(column)} ? ${locale} and btrim(${sql.raw(column)} ->> ${locale}) <> '')`;

export interface LocaleCoverage {
  locale: string;
  /** English name of the locale's language ("German"). */
  name: string;
  isDefault: boolean;
  /** Listed in the workspace's supported locales (otherwise only found in product titles). */
  supported: boolean;
  /** Active products. */
  total: number;
  withTitle: number;
  withDescription: number;
  /** withTitle / total in [0, 1]; null without products. */
  titleShare: number | null;
  descriptionShare: number | null;
}

/**
 * Translation coverage of active products for the workspace's default and supported locales plus
 * any other locale found in product titles, in one query. Default locale first, then supported
 * locales in their configured order, then the others by coverage.
 */
export async function localeCoverage(exec: Executor, ctx: Ctx): Promise<LocaleCoverage[]> {
  const locale = sql`l.locale`;
  const r = await exec.execute(sql`
    with t as (select locale, supported_locales from tenants where id = ${ctx.tenantId}),
    p as (select title, description from products where tenant_id = ${ctx.tenantId} and status = 'active'),
    locs as (
      select locale from t
      union select unnest(supported_locales) from t
      union select e.key from p cross join lateral jsonb_each_text(
        case when jsonb_typeof(p.title) = 'object' then p.title else '{}'::jsonb end) e
        where btrim(e.value) <> ''
    )
    select l.locale, count(p.title)::int as total,
      (count(*) filter (where ${hasText('p.title', locale)}))::int as with_title,
      (count(*) filter (where ${hasText('p.description', locale)}))::int as with_description,
      l.locale = (select locale from t) as is_default,
      coalesce(array_position((select supported_locales from t), l.locale), 0) as position
    from locs l left join p on true
    group by l.locale`);
  const rows = rowsOf<Record<string, unknown>>(r).map((x) => {
    const total = num(x.total);
    const withTitle = num(x.with_title);
    const withDescription = num(x.with_description);
    return {
      row: {
        locale: String(x.locale),
        name: languageName(String(x.locale)),
        isDefault: x.is_default === true,
        supported: num(x.position) > 0,
        total,
        withTitle,
        withDescription,
        titleShare: total ? withTitle / total : null,
        descriptionShare: total ? withDescription / total : null,
      },
      position: num(x.position) || Number.MAX_SAFE_INTEGER,
    };
  });
  rows.sort(
    (a, b) =>
      Number(b.row.isDefault) - Number(a.row.isDefault) ||
      a.position - b.position ||
      b.row.withTitle - a.row.withTitle ||
      a.row.locale.localeCompare(b.row.locale),
  );
  return rows.map((x) => x.row);
}

export interface MissingLocaleProduct {
  id: string;
  externalId: string;
  /** Title in the workspace's default locale, else in the first locale that has one; null if none. */
  title: string | null;
}

/**
 * Active products without a title in `locale`, by id; `after` is the previous page's `nextCursor`.
 * `limit` is clamped to 1–500. Throws a bad_request AppError for a malformed cursor.
 */
export async function productsMissingLocale(
  exec: Executor,
  ctx: Ctx,
  locale: string,
  opts: { limit: number; after?: string | null },
): Promise<{ items: MissingLocaleProduct[]; nextCursor: string | null }> {
  if (opts.after && !UUID_RE.test(opts.after)) throw badRequest('Invalid cursor.');
  const limit = Math.min(500, Math.max(1, Math.floor(opts.limit) || 1));
  const r = await exec.execute(sql`
    select p.id, p.external_id, coalesce(
      nullif(btrim(p.title ->> t.locale), ''),
      (select e.value from jsonb_each_text(p.title) e where btrim(e.value) <> '' order by e.key limit 1)
    ) as title
    from products p join tenants t on t.id = p.tenant_id
    where p.tenant_id = ${ctx.tenantId} and t.id = ${ctx.tenantId} and p.status = 'active'
      and not ${hasText('p.title', sql`${locale}::text`)}
      ${opts.after ? sql`and p.id > ${opts.after}::uuid` : sql``}
    order by p.id limit ${limit}`);
  const items = rowsOf<Record<string, unknown>>(r).map((x) => ({
    id: String(x.id),
    externalId: String(x.external_id),
    title: x.title == null ? null : String(x.title),
  }));
  return { items, nextCursor: items.length === limit ? items.at(-1)!.id : null };
}

export interface LanguageMismatchRow {
  productId: string;
  externalId: string;
  /** The product's title in the mismatched locale. */
  title: string | null;
  locale: string;
  /** ISO 639-1 code of the language the text was detected as, and its English name. */
  detected: string;
  detectedName: string;
  probability: number;
}

/**
 * Active products whose stored analysis (product_texts.languages) says a locale's text is reliably
 * another language, e.g. a `de` title and description that are English. Most confident first.
 * Language variants and near-identical languages (de-AT/de, nb/no, bs/hr) do not count.
 */
export async function languageMismatches(
  exec: Executor,
  ctx: Ctx,
  opts: { limit: number; minProbability?: number },
): Promise<LanguageMismatchRow[]> {
  const limit = Math.min(500, Math.max(1, Math.floor(opts.limit) || 1));
  const aliases = sql`${JSON.stringify(LANGUAGE_ALIASES)}::jsonb`;
  const r = await exec.execute(sql`
    select * from (
      select pt.product_id, p.external_id, l.key as locale, p.title ->> l.key as title,
        l.value ->> 'language' as detected,
        case when jsonb_typeof(l.value -> 'probability') = 'number'
          then (l.value ->> 'probability')::float8 else 0 end as probability,
        lower(split_part(replace(l.key, '_', '-'), '-', 1)) as base
      from product_texts pt
      join products p on p.tenant_id = pt.tenant_id and p.id = pt.product_id
      cross join lateral jsonb_each(
        case when jsonb_typeof(pt.languages) = 'object' then pt.languages else '{}'::jsonb end) l
      where pt.tenant_id = ${ctx.tenantId} and p.tenant_id = ${ctx.tenantId} and p.status = 'active'
        and jsonb_typeof(l.value) = 'object' and l.value -> 'reliable' = 'true'::jsonb
        and jsonb_typeof(l.value -> 'language') = 'string'
    ) m
    where m.probability >= ${opts.minProbability ?? 0.9}
      and coalesce(${aliases} ->> m.detected, m.detected) <> coalesce(${aliases} ->> m.base, m.base)
    order by m.probability desc, m.product_id, m.locale
    limit ${limit}`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    productId: String(x.product_id),
    externalId: String(x.external_id),
    title: x.title == null ? null : String(x.title),
    locale: String(x.locale),
    detected: String(x.detected),
    detectedName: languageName(String(x.detected)),
    probability: num(x.probability),
  }));
}

export interface ShopperLanguage {
  /** ISO 639-1 code (CLD3's code where 639-1 has none). */
  language: string;
  name: string;
  /** count / (total − undetermined), in [0, 1]. */
  share: number;
  /** Searches and reviews in this language. */
  count: number;
  /** A supported locale or a product-title locale of the catalog covers this language. */
  inCatalog: boolean;
}

export interface ShopperLanguages {
  days: number;
  /** Searches and reviews in the sample. */
  total: number;
  /** Of `total`, those too short or too ambiguous to tell (excluded from the shares). */
  undetermined: number;
  /** Most frequent first. */
  languages: ShopperLanguage[];
}

/**
 * The languages shoppers write in over the last `days`: recent search queries and review texts,
 * so a cross-border merchant sees "12% of searches are in Polish and the catalog has no Polish".
 *
 * Searches are pooled per shopper (their distinct queries joined): a single query is a couple of
 * words, and on those CLD3 is wrong more often than right (measured on the demo store's queries:
 * ~50% wrong, 3–6 pooled queries ~15%). Each pooled shopper counts with their number of searches.
 * Review text lives in `events.context.text` (written by imports and the demo generator; the
 * event API does not take review text yet), each distinct text counted with its repeats.
 * `sample` caps the detected units (shoppers plus distinct reviews), most recent first.
 */
export async function searchLanguages(
  exec: Executor,
  ctx: Ctx,
  opts: { days?: number; sample?: number; now?: Date } = {},
): Promise<ShopperLanguages> {
  const days = Math.min(365, Math.max(1, Math.floor(opts.days ?? 30)));
  const sample = Math.min(20_000, Math.max(1, Math.floor(opts.sample ?? 2_000)));
  const from = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000).toISOString();
  const [r] = await Promise.all([
    exec.execute(sql`
      with s as (
        select coalesce(shopper_id::text, anonymous_id, session_id, event_id) as who,
          lower(btrim(query)) as q, occurred_at
        from events
        where tenant_id = ${ctx.tenantId} and type = 'search' and occurred_at >= ${from}
          and query is not null and btrim(query) <> ''
      ),
      units as (
        select left(string_agg(distinct q, '. '), 2000) as text, count(*)::int as n, max(occurred_at) as last
        from s group by who
        union all
        select btrim(context ->> 'text'), count(*)::int, max(occurred_at)
        from events
        where tenant_id = ${ctx.tenantId} and type = 'review' and occurred_at >= ${from}
          and jsonb_typeof(context -> 'text') = 'string' and btrim(context ->> 'text') <> ''
        group by btrim(context ->> 'text')
      )
      select text, n from units order by last desc, text limit ${sample}`),
    ensureLanguageDetector(),
  ]);
  const counts = new Map<string, number>();
  let total = 0;
  let undetermined = 0;
  for (const { text, n } of rowsOf<{ text: string; n: unknown }>(r)) {
    const count = num(n);
    total += count;
    const { language, reliable } = detectLanguageSync(text);
    if (!language || !reliable) undetermined += count;
    else counts.set(language, (counts.get(language) ?? 0) + count);
  }
  const covered = new Set((await catalogLocales(exec, ctx)).map(baseLanguage));
  const determined = total - undetermined;
  const languages = [...counts]
    .map(([language, count]) => ({
      language,
      name: languageName(language),
      share: count / determined,
      count,
      inCatalog: covered.has(baseLanguage(language)),
    }))
    .sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
  return { days, total, undetermined, languages };
}

/** The workspace's default and supported locales and every locale that has a product title. */
async function catalogLocales(exec: Executor, ctx: Ctx): Promise<string[]> {
  const r = await exec.execute(sql`
    select locale from tenants where id = ${ctx.tenantId}
    union select unnest(supported_locales) from tenants where id = ${ctx.tenantId}
    union select distinct e.key from products p cross join lateral jsonb_each_text(
        case when jsonb_typeof(p.title) = 'object' then p.title else '{}'::jsonb end) e
      where p.tenant_id = ${ctx.tenantId} and p.status = 'active' and btrim(e.value) <> ''`);
  return rowsOf<{ locale: string }>(r).map((x) => x.locale);
}
