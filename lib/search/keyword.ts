import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { products, productTexts } from '@/db/schema';
import { foldText } from '@/lib/text/fold';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { activeCondition, filterCondition } from './filters';
import type { CatalogFilters } from './types';

/** A keyword hit: `score` is ts_rank (higher is better), `rank` 1-based. */
export interface KeywordHit {
  productId: string;
  score: number;
  rank: number;
}

/** Terms beyond these bounds add nothing to a search and only make the query expensive. */
const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;
const MAX_QUERY_CHARS = 2_000;
/** How many unanalysed products the title fallback looks at, at most. */
const FALLBACK_SCAN = 5_000;
/** Han, kana and Hangul are written without spaces: a "term" there is a run, matched by prefix. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The search terms of a query as the keyword index sees them: accent- and case-folded, split on
 * anything that is not a letter or digit (so quotes, `&|!():*` and emoji simply vanish),
 * deduplicated, bounded in number and length. Empty when nothing searchable is left.
 */
export function queryTerms(q: string): string[] {
  const folded = foldText(q.slice(0, MAX_QUERY_CHARS));
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const term = w.slice(0, MAX_TERM_LENGTH);
    if (!out.includes(term)) out.push(term);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/**
 * A tsquery text over the terms, passed to `to_tsquery` as a bound parameter. Terms hold only
 * letters and digits and are quoted anyway, so no input can inject tsquery operators. The last
 * term (the one still being typed) and CJK runs match by prefix.
 */
export function tsqueryText(terms: readonly string[], op: '&' | '|'): string {
  return terms
    .map((t, i) => {
      const prefix = i === terms.length - 1 || CJK_RE.test(t);
      return `'${t.replaceAll("'", "''")}'${prefix ? ':*' : ''}`;
    })
    .join(` ${op} `);
}

/**
 * A `translate()` table folding accented Latin letters (both cases) to ASCII, derived from
 * foldText so the title fallback folds like the analysed text. Letters that fold to several
 * characters (ß → ss) are left out: the fallback is a stopgap until the embedding job runs.
 * Upper-case accented letters are in the table because lower() under the C collation (PGlite)
 * only folds ASCII.
 */
const TRANSLATE = (() => {
  let from = '';
  let to = '';
  for (let cp = 0xc0; cp <= 0x24f; cp++) {
    const c = String.fromCodePoint(cp);
    const f = foldText(c);
    if (f.length === 1 && f !== c && /[a-z]/.test(f)) {
      from += c;
      to += f;
    }
  }
  return { from, to };
})();

/** `%term%` for LIKE, with the pattern characters of the term escaped. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Keyword search over the folded text of every locale (`product_texts.search_text`, GIN-indexed),
 * ranked by ts_rank, among the tenant's active products matching `filters`. All terms must match;
 * when that finds nothing, any term may. Products not analysed yet (a fresh import, before the
 * embedding job ran) are still found by their titles. Returns at most `limit` hits, best first;
 * an empty list for a query without searchable terms. Never throws on odd input.
 */
export async function keywordSearch(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  opts: { q: string; limit: number; filters?: CatalogFilters },
): Promise<KeywordHit[]> {
  const terms = queryTerms(opts.q);
  if (terms.length === 0) return [];
  const limit = Math.max(1, Math.min(1_000, Math.floor(opts.limit)));
  let hits = await searchWith(exec, ctx, terms, '&', limit, opts.filters);
  if (hits.length === 0 && terms.length > 1)
    hits = await searchWith(exec, ctx, terms, '|', limit, opts.filters);
  return hits.map((h, i) => ({ ...h, rank: i + 1 }));
}

async function searchWith(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  terms: string[],
  op: '&' | '|',
  limit: number,
  filters: CatalogFilters | undefined,
): Promise<Omit<KeywordHit, 'rank'>[]> {
  const query = sql`to_tsquery('simple', ${tsqueryText(terms, op)})`;
  // The same expression as the GIN index of migration 0007, so the index serves the match.
  const doc = sql`to_tsvector('simple', ${productTexts.searchText})`;
  const where = and(filterCondition(ctx, filters), activeCondition());
  const [analysed, fresh] = await Promise.all([
    exec
      .select({ productId: products.id, score: sql<number>`ts_rank(${doc}, ${query})`.mapWith(Number) })
      .from(productTexts)
      .innerJoin(
        products,
        and(eq(products.tenantId, productTexts.tenantId), eq(products.id, productTexts.productId)),
      )
      .where(and(eq(productTexts.tenantId, ctx.tenantId), sql`${doc} @@ ${query}`, where))
      .orderBy(desc(sql`ts_rank(${doc}, ${query})`), products.id)
      .limit(limit),
    titleFallback(exec, ctx, terms, op, limit, where!, query),
  ]);
  return [...analysed, ...fresh].sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * Products without a `product_texts` row yet (a fresh import, before the embedding job analysed
 * it), matched on their titles in every locale. Bounded: at most FALLBACK_SCAN such products are
 * looked at, so a search right after a huge import stays fast (it is a stopgap until the job runs).
 * The titles are folded in SQL (accented Latin letters, ASCII case) to meet the folded terms; the
 * ranking is the same ts_rank over that folded title text, so scores stay comparable.
 */
async function titleFallback(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  terms: string[],
  op: '&' | '|',
  limit: number,
  where: SQL,
  query: SQL,
): Promise<Omit<KeywordHit, 'rank'>[]> {
  const matches = terms.map((t) => sql`f.t like ${likePattern(t)}`);
  const match = op === '&' ? sql.join(matches, sql` and `) : sql`(${sql.join(matches, sql` or `)})`;
  // MATERIALIZED: find the few unanalysed products first (an anti-join on the primary keys), and
  // only then fold and match their titles; otherwise the planner may fold every title of the catalog.
  const rows = rowsOf<{ product_id: string; score: number | string }>(
    await exec.execute(sql`
      with pending as materialized (
        select ${products.id} as id, ${products.title} as title from ${products}
        where ${tenantFilter(ctx, products)} and ${where}
          and not exists (
            select 1 from ${productTexts} pt where pt.tenant_id = ${ctx.tenantId} and pt.product_id = ${products.id})
        limit ${FALLBACK_SCAN}
      ), f as (
        select id, lower(translate(
          coalesce((select string_agg(value, ' ') from jsonb_each_text(title)), ''),
          ${TRANSLATE.from}::text, ${TRANSLATE.to}::text)) as t
        from pending
      )
      select f.id as product_id, ts_rank(to_tsvector('simple', f.t), ${query}) as score
      from f where ${match}
      order by 2 desc, 1
      limit ${limit}`),
  );
  return rows.map((r) => ({ productId: r.product_id, score: Number(r.score) }));
}
