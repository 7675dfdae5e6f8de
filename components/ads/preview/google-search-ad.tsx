import type { CreativeFields } from '@/db/schema/ads';
import { displayUrl } from '../present';

/**
 * A responsive search ad as a Google result shows it: the first three headlines joined with
 * " | ", the "Sponsored" label and display URL, then up to two descriptions. Google rotates the
 * other headlines; the full list is in the edit form.
 */
export function GoogleSearchAdPreview({
  fields,
  url,
  brandName,
}: {
  fields: CreativeFields;
  url: string | null;
  brandName: string | null;
}) {
  const headline = (fields.headlines ?? []).slice(0, 3).join(' | ');
  const description = (fields.descriptions ?? []).slice(0, 2).join(' ');
  return (
    <div className="rounded-lg bg-white p-3 font-sans ring-1 ring-slate-200" data-testid="preview-google-rsa">
      <p className="text-xs text-slate-800">
        <span className="font-semibold">Sponsored</span>
        {brandName ? <span className="text-slate-600"> · {brandName}</span> : null}
      </p>
      <p className="text-xs text-slate-600">{displayUrl(url)}</p>
      <p className="mt-1 text-lg leading-snug text-[#1a0dab]">{headline || '—'}</p>
      <p className="mt-0.5 text-sm text-slate-700">{description}</p>
    </div>
  );
}
