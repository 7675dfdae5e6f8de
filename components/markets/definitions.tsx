import { Card } from '@/components/ui/card';
import {
  MAX_SHARE_RATIO,
  MIN_EXPECTED_ORDERS,
  MIN_GAP_ORDERS,
  MIN_LINES_TO_COMPARE,
} from '@/lib/markets/similarity';

/** How every figure on the Markets pages is defined, in the merchant's words. */
export function MarketsDefinitions({ by }: { by: 'country' | 'locale' }) {
  return (
    <Card title="How these figures are made">
      <dl className="grid gap-x-8 gap-y-3 text-sm text-slate-700 sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-900">Market</dt>
          <dd>
            {by === 'country'
              ? "An order's shipping country, else its shopper's country; shoppers and sessions by the shopper's country."
              : "The shopper's language (browser locale) for orders, shoppers and sessions."}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Shoppers</dt>
          <dd>Shoppers with any event or order in the period.</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Orders and revenue</dt>
          <dd>
            Paid orders (not cancelled, refunded or returned). Revenue is their total converted with your
            exchange rates; orders in a currency without a rate are counted but not added.
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Conversion</dt>
          <dd>Sessions with a purchase ÷ sessions (storefront events that carry a session id).</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Price position</dt>
          <dd>
            Where the products a market buys sit in their category’s price range: each product’s price
            percentile among the products of its top-level category (P0 = the cheapest, P100 = the dearest),
            median over the market’s order lines. Below P50 the market buys the cheaper end; the detail page
            also gives the share of lines from the cheapest third.
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Similar market and gap products</dt>
          <dd>
            Similarity is the cosine of two markets’ order lines per category (markets with at least{' '}
            {MIN_LINES_TO_COMPARE} lines). A gap product is in at least {MIN_GAP_ORDERS} orders of one market,
            the other market is big enough to expect {MIN_EXPECTED_ORDERS}+ orders at that share, yet its
            share there is at most {Math.round(MAX_SHARE_RATIO * 100)} % of the first market’s.
          </dd>
        </div>
      </dl>
    </Card>
  );
}
