import { formatMoney } from '@/lib/format';
import { getMarketsOverview } from '@/lib/markets/service';
import { defineCommand } from '../command';
import { formatTable } from '../output';
import { cliTenantContext } from '../tenant';

const pct = (x: number | null, digits = 1) => (x === null ? null : `${(x * 100).toFixed(digits)} %`);

export const markets = defineCommand({
  name: 'markets',
  summary: 'Cross-border figures of a workspace: shoppers, orders, revenue and conversion per market.',
  description:
    'The same figures as Insights → Markets. Revenue is converted into the workspace currency with the\n' +
    'stored exchange rates; orders in a currency without a rate are counted but not added (listed apart).\n' +
    'Default period: the 90 days ending on the last day with data.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    by: { type: 'string', placeholder: 'country|locale', description: 'Group by (default country).' },
    from: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'First day (UTC), with --to.' },
    to: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'Last day (UTC), with --from.' },
    json: { type: 'boolean', description: 'Print the result as one JSON object.' },
  },
  fieldFlags: { from: '--from', to: '--to' },
  examples: [
    'tailor markets --workspace acme',
    'tailor markets --workspace acme --by locale --from 2026-01-01 --to 2026-03-31 --json',
  ],
  async run(ctx, o) {
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const r = await getMarketsOverview(db, tenant, {
      ...(o.by !== undefined ? { by: o.by } : {}),
      ...(o.from !== undefined || o.to !== undefined ? { from: o.from ?? '', to: o.to ?? '' } : {}),
    });
    const period = { from: r.period.from.toISOString().slice(0, 10), to: r.period.end };
    if (o.json) {
      ctx.out(
        JSON.stringify({
          workspace: tenant.slug,
          by: r.by,
          period,
          currency: r.currency,
          missingRates: r.missingRates,
          markets: r.markets.map(({ categories, ...m }) => ({ ...m, topCategories: categories.slice(0, 3) })),
        }),
      );
      return 0;
    }
    ctx.err(
      `${tenant.slug}: ${r.markets.length} markets by ${r.by}, ${period.from} – ${period.to}, in ${r.currency}`,
    );
    for (const m of r.missingRates)
      ctx.err(`Note: ${m.orders} orders in ${m.currency} have no exchange rate.`);
    const money = (v: number | null) =>
      v === null ? null : formatMoney(Math.round(v), r.currency, r.locale);
    ctx.out(
      formatTable(
        ['MARKET', 'SHOPPERS', 'ORDERS', 'REVENUE', 'CONVERSION', 'AOV', 'PRICE POS.', 'TOP CATEGORY'],
        r.markets.map((m) => [
          m.label,
          m.shoppers,
          m.orders,
          money(m.revenueMinor),
          pct(m.conversion, 2),
          money(m.aovMinor),
          m.pricePosition === null ? null : `P${Math.round(m.pricePosition * 100)}`,
          m.categories[0]?.name ?? null,
        ]),
      ),
    );
    return 0;
  },
});
