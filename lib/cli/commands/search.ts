import { embedderToApi } from '@/lib/search/serialize';
import { searchProducts } from '@/lib/search/service';
import { getTenant } from '@/lib/workspace/queries';
import { UsageError, defineCommand } from '../command';
import { formatTable } from '../output';
import { cliTenantContext } from '../tenant';

/** The title in the workspace's default locale, else in any locale the product has. */
function titleIn(title: Record<string, string>, locale: string): string {
  return title[locale] || Object.values(title).find(Boolean) || '';
}

const fixed = (x: number | undefined, digits: number) => (x === undefined ? null : x.toFixed(digits));

export const search = defineCommand({
  name: 'search',
  summary: "Search a workspace's catalog: keyword, semantic or hybrid, in any language of the catalog.",
  description:
    'The same search as the catalog page and GET /api/v1/products/search. Semantic and hybrid use the\n' +
    "workspace's embedder; until products are embedded (tailor embed) they answer with keyword results.",
  args: [{ name: 'query', description: 'what to look for (quote it when it has spaces)' }],
  options: {
    query: { type: 'string', placeholder: 'text', description: 'The query (or the first argument).' },
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    k: { type: 'string', placeholder: '1-100', description: 'How many results (default 20).' },
    mode: {
      type: 'string',
      placeholder: 'hybrid|keyword|semantic',
      description: 'How to match (default hybrid).',
    },
    json: { type: 'boolean', description: 'Print the result as one JSON object.' },
  },
  fieldFlags: { q: '<query>', k: '--k', mode: '--mode' },
  examples: [
    'tailor search "linen shirt" --workspace acme',
    'tailor search "Leinenhemd" --workspace acme --mode semantic --k 5 --json',
  ],
  async run(ctx, o) {
    if (!o.query?.trim()) throw new UsageError('missing <query>.');
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const result = await searchProducts(db, tenant, {
      q: o.query,
      ...(o.k !== undefined ? { k: o.k } : {}),
      ...(o.mode !== undefined ? { mode: o.mode } : {}),
    });
    const locale = (await getTenant(db, tenant))?.locale ?? 'en';
    const results = result.hits.map((h, i) => ({
      rank: i + 1,
      id: h.product.id,
      externalId: h.product.externalId,
      title: titleIn(h.product.title, locale),
      score: h.score,
      similarity: h.similarity ?? null,
    }));
    const embedder = embedderToApi(result.embedder);
    if (o.json) {
      ctx.out(
        JSON.stringify({
          query: o.query,
          mode: result.mode,
          embedder,
          ...(result.notice ? { notice: result.notice } : {}),
          results,
        }),
      );
      return 0;
    }
    if (result.notice) ctx.err(`Note: ${result.notice}`);
    if (embedder) {
      // The reason can be a paragraph (how to install a model): `tailor embed` prints it.
      const why = embedder.fallback ? ' (standing in for an unavailable model: see `tailor embed`)' : '';
      ctx.err(`${result.mode} search with ${embedder.label}, ${embedder.dimensions} dimensions${why}`);
    }
    if (results.length === 0) {
      ctx.err(`No products match "${o.query}" in ${tenant.slug}.`);
      return 0;
    }
    ctx.out(
      formatTable(
        ['#', 'SCORE', 'SIMILARITY', 'EXTERNAL ID', 'TITLE'],
        results.map((r) => [
          r.rank,
          fixed(r.score, 4),
          fixed(r.similarity ?? undefined, 3),
          r.externalId,
          r.title.length > 80 ? `${r.title.slice(0, 79)}…` : r.title,
        ]),
      ),
    );
    return 0;
  },
});
