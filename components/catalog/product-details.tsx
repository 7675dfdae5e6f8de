import { Badge } from '@/components/ui/card';
import type { products } from '@/db/schema';
import { formatDateTime, formatMoney } from '@/lib/format';
import { categoryLabel, stockText } from './present';

type ProductRow = typeof products.$inferSelect;

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-2">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="col-span-2 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** A product's facts as a definition list: ids, category, brand, price, stock, status, dates. */
export function ProductFacts({
  product: p,
  locale,
  timeZone,
}: {
  product: ProductRow;
  locale: string;
  timeZone: string;
}) {
  const stock = stockText(p.stock, locale);
  return (
    <dl className="divide-y divide-slate-100">
      <Row term="Store id">
        <code>{p.externalId}</code>
      </Row>
      <Row term="Category">{p.categoryPath.length ? categoryLabel(p.categoryPath) : '—'}</Row>
      <Row term="Brand">{p.brand ?? '—'}</Row>
      <Row term="Price">{formatMoney(p.priceMinor, p.currency, locale)}</Row>
      <Row term="Stock">
        <Badge color={stock.tone}>{stock.text}</Badge>
      </Row>
      <Row term="Status">
        <Badge color={p.status === 'active' ? 'green' : 'gray'}>
          {p.status === 'active' ? 'Active' : p.status}
        </Badge>
      </Row>
      <Row term="Published">{formatDateTime(p.publishedAt, locale, timeZone)}</Row>
      <Row term="Last updated">{formatDateTime(p.updatedAt, locale, timeZone)}</Row>
    </dl>
  );
}

/** Attributes as a definition list (booleans as yes/no); a note when there are none. */
export function ProductAttributes({
  attributes,
  locale,
}: {
  attributes: ProductRow['attributes'];
  locale: string;
}) {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) return <p className="text-sm text-slate-600">No attributes.</p>;
  const num = new Intl.NumberFormat(locale);
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
      {entries.map(([k, v]) => (
        <div key={k} className="flex justify-between gap-3 border-b border-slate-100 py-1.5 text-sm">
          <dt className="text-slate-600">{k.replaceAll('_', ' ')}</dt>
          <dd className="text-right font-medium text-slate-900">
            {typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? num.format(v) : v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Product images as plain <img> elements (any host; no optimisation proxy), described by the title. */
export function ProductImages({ urls, title }: { urls: string[]; title: string }) {
  if (urls.length === 0) return <p className="text-sm text-slate-600">No images.</p>;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {urls.slice(0, 8).map((url, i) => (
        <li key={url}>
          {/* biome-ignore lint/performance/noImgElement: merchant images come from any store host */}
          <img
            src={url}
            alt={urls.length > 1 ? `${title}, image ${i + 1} of ${urls.length}` : title}
            loading="lazy"
            referrerPolicy="no-referrer"
            className="aspect-square w-full rounded-lg bg-slate-100 object-cover ring-1 ring-slate-200"
          />
        </li>
      ))}
    </ul>
  );
}
