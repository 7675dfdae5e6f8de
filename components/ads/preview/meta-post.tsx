import type { CreativeFields } from '@/db/schema/ads';
import { displayUrl } from '../present';

/** CTA label of a Meta post: the campaign sets no CTA field for Meta, so "Shop now" as Meta's default. */
const META_CTA = 'Shop now';

/**
 * A Meta (Facebook/Instagram) feed post: page name from the brand, primary text, the product
 * image (a placeholder box when the product has none), the link bar with headline and CTA button.
 */
export function MetaPostPreview({
  fields,
  brandName,
  imageUrl,
  url,
}: {
  fields: CreativeFields;
  brandName: string | null;
  imageUrl: string | null;
  url: string | null;
}) {
  const page = brandName ?? 'Your store';
  return (
    <div className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200" data-testid="preview-meta">
      <div className="flex items-center gap-2 p-3">
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
        >
          {page.slice(0, 1).toUpperCase()}
        </span>
        <p className="text-sm leading-tight">
          <span className="font-semibold text-slate-900">{page}</span>
          <span className="block text-xs text-slate-600">Sponsored</span>
        </p>
      </div>
      <p className="whitespace-pre-line px-3 pb-2 text-sm text-slate-800">{fields.primaryText?.[0] ?? ''}</p>
      {imageUrl ? (
        // Product images come from the merchant's catalog on any host: a plain img, not next/image.
        // biome-ignore lint/performance/noImgElement: catalog images are on arbitrary hosts
        <img src={imageUrl} alt="" className="aspect-[1.91/1] w-full bg-slate-100 object-cover" />
      ) : (
        <div
          aria-hidden="true"
          className="flex aspect-[1.91/1] w-full items-center justify-center bg-slate-100 text-xs text-slate-600"
        >
          Product image
        </div>
      )}
      <div className="flex items-center justify-between gap-3 bg-slate-50 px-3 py-2">
        <div className="min-w-0">
          <p className="truncate text-xs uppercase text-slate-600">{displayUrl(url)}</p>
          <p className="text-sm font-semibold text-slate-900">{fields.headline?.[0] ?? ''}</p>
        </div>
        <span className="shrink-0 rounded-md bg-slate-200 px-3 py-1.5 text-xs font-semibold text-slate-800">
          {META_CTA}
        </span>
      </div>
    </div>
  );
}
