import type { CreativeFields } from '@/db/schema/ads';

/** The on-site banner as the storefront bundle renders it in its slot: headline and CTA button. */
export function BannerPreview({ fields, imageUrl }: { fields: CreativeFields; imageUrl: string | null }) {
  return (
    <div
      className="flex items-center gap-4 rounded-lg bg-gradient-to-r from-brand-50 to-white p-4 ring-1 ring-brand-100"
      data-testid="preview-banner"
    >
      {imageUrl ? (
        // biome-ignore lint/performance/noImgElement: catalog images are on arbitrary hosts
        <img src={imageUrl} alt="" className="size-14 shrink-0 rounded-md bg-slate-100 object-cover" />
      ) : null}
      <p className="min-w-0 flex-1 text-base font-semibold text-slate-900">{fields.headline?.[0] ?? ''}</p>
      <span className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">
        {fields.cta?.[0] ?? ''}
      </span>
    </div>
  );
}
