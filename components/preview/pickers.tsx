import Link from 'next/link';
import { pickLocalized } from '@/components/catalog/present';
import type { PreviewProduct } from '@/lib/recommend/preview';
import type { ShopperMatch } from '@/lib/recommend/preview-queries';
import { type PreviewQuery, previewHref, shopperLabel, shopperRef, viewHref } from './present';

const LINK = 'font-medium text-brand-700 hover:underline';

export function productTitle(p: PreviewProduct, locale: string): string {
  return pickLocalized(p.title, locale)?.text ?? p.externalId;
}

/** Shoppers as links that select them: the matches of an ambiguous search, or suggestions. */
export function ShopperLinks({
  slug,
  query,
  shoppers,
  title,
}: {
  slug: string;
  query: PreviewQuery;
  shoppers: ShopperMatch[];
  title: string;
}) {
  if (shoppers.length === 0) return null;
  const id = `shoppers-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <nav aria-labelledby={id} className="text-sm">
      <h3 id={id} className="font-medium text-slate-800">
        {title}
      </h3>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {shoppers.map((s) => (
          <li key={s.id}>
            <Link href={previewHref(slug, query, { shopper: shopperRef(s) })} className={LINK}>
              {shopperLabel(s)}
            </Link>
            {s.country ? <span className="text-slate-500"> · {s.country}</span> : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Products found by the search box, each usable as the context product or added to the cart. */
export function FoundProducts({
  slug,
  query,
  products,
  cart,
}: {
  slug: string;
  query: PreviewQuery;
  products: PreviewProduct[];
  cart: PreviewProduct[];
}) {
  if (products.length === 0) return null;
  const inCart = new Set(cart.map((p) => p.id));
  return (
    <section aria-labelledby="preview-found" className="text-sm">
      <h3 id="preview-found" className="font-medium text-slate-800">
        Products matching “{query.q}”
      </h3>
      <ul className="mt-1 divide-y divide-slate-100">
        {products.map((p) => {
          const title = productTitle(p, query.locale);
          return (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <span className="text-slate-800">
                {title} <span className="text-slate-500">({p.externalId})</span>
              </span>
              <span className="flex gap-3">
                <Link
                  href={viewHref(slug, query, p.id)}
                  className={LINK}
                  aria-label={`Use ${title} as the product on screen`}
                >
                  View it
                </Link>
                {inCart.has(p.id) ? (
                  <span className="text-slate-500">In the cart</span>
                ) : (
                  <Link
                    href={previewHref(slug, query, { cart: [...cart.map((c) => c.id), p.id] })}
                    className={LINK}
                    aria-label={`Add ${title} to the cart`}
                  >
                    Add to cart
                  </Link>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Who and what the lists below are for. */
export function ContextSummary({
  slug,
  query,
  shopper,
  item,
  cart,
  viewed,
}: {
  slug: string;
  query: PreviewQuery;
  shopper: ShopperMatch | null;
  item: PreviewProduct | null;
  cart: PreviewProduct[];
  /** The visit's earlier views, newest first. */
  viewed: PreviewProduct[];
}) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-slate-700">Shopper</dt>
      <dd className="text-slate-900">
        {shopper
          ? `${shopperLabel(shopper)}${shopper.country ? ` · ${shopper.country}` : ''}`
          : 'Anonymous visitor'}
      </dd>
      <dt className="font-medium text-slate-700">Product on screen</dt>
      <dd className="text-slate-900">
        {item ? (
          <>
            <Link href={`/${slug}/products/${item.id}`} className={LINK}>
              {productTitle(item, query.locale)}
            </Link>{' '}
            <Link href={previewHref(slug, query, { item: '' })} className="text-slate-500 hover:underline">
              (remove)
            </Link>
          </>
        ) : (
          'None'
        )}
      </dd>
      <dt className="font-medium text-slate-700">Viewed in this visit</dt>
      <dd className="text-slate-900">
        {viewed.length === 0 ? (
          'Nothing yet: “View it” on a product makes it the product on screen, and the one before joins the visit.'
        ) : (
          <>
            <ol className="inline-flex flex-wrap gap-x-3" aria-label="Viewed in this visit, newest first">
              {viewed.map((p) => (
                <li key={p.id}>
                  <Link href={`/${slug}/products/${p.id}`} className={LINK}>
                    {productTitle(p, query.locale)}
                  </Link>
                </li>
              ))}
            </ol>{' '}
            <Link href={previewHref(slug, query, { viewed: [] })} className="text-slate-500 hover:underline">
              (clear the visit)
            </Link>
          </>
        )}
      </dd>
      <dt className="font-medium text-slate-700">Cart</dt>
      <dd className="text-slate-900">
        {cart.length === 0 ? (
          'Empty'
        ) : (
          <ul className="flex flex-wrap gap-x-3">
            {cart.map((p) => (
              <li key={p.id}>
                <Link href={`/${slug}/products/${p.id}`} className={LINK}>
                  {productTitle(p, query.locale)}
                </Link>{' '}
                <Link
                  href={previewHref(slug, query, {
                    cart: cart.filter((c) => c.id !== p.id).map((c) => c.id),
                  })}
                  className="text-slate-500 hover:underline"
                  aria-label={`Remove ${productTitle(p, query.locale)} from the cart`}
                >
                  (remove)
                </Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
