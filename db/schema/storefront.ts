import { doublePrecision, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';
import { tenantId } from './tenants';

/** Widget look chosen in the dashboard; every field optional (the snippet has defaults). */
export interface WidgetTheme {
  /** CSS colours, validated as #rgb / #rrggbb by lib/snippet/schemas.ts. */
  accent?: string;
  text?: string;
  background?: string;
  /** A font-family list, e.g. "Inter, sans-serif". */
  font?: string;
  /** Corner radius in px, 0–24. */
  radius?: number;
  /** Show the strongest reason under each item ("Because you viewed …", issue 8). */
  reasons?: boolean;
}

/**
 * Per-workspace storefront settings (issue 4): attribution window, the holdout share of traffic
 * that sees non-personal recommendations (for measured uplift), and the widgets' theme.
 * One row per workspace; a missing row means the defaults (7 days, 10 %, default theme).
 */
export const storefrontSettings = pgTable(
  'storefront_settings',
  {
    tenantId: tenantId(),
    /** Click → purchase attribution window in days (1–30), last click wins. */
    attributionWindowDays: integer('attribution_window_days').notNull().default(7),
    /** Share of visitors (0–0.5) kept on non-personal recommendations as a control group. */
    holdoutShare: doublePrecision('holdout_share').notNull().default(0.1),
    theme: jsonb('theme').$type<WidgetTheme>().notNull().default({}),
    /** Shown to shoppers when a widget's placement has no title in their language. */
    defaultTitle: text('default_title'),
    /**
     * Where a widget's product links go: a URL with {id} (the store's product id) or {handle}
     * (attributes.handle, Shopify); relative URLs resolve against the storefront page. A product's
     * own attributes.url wins.
     */
    productUrlTemplate: text('product_url_template').notNull().default('/products/{id}'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);
