import type { CreativeFields } from '@/db/schema/ads';

/** One unread line of an inbox: sender (the brand), subject in bold, the preheader greyed after it. */
export function EmailLinePreview({
  fields,
  brandName,
}: {
  fields: CreativeFields;
  brandName: string | null;
}) {
  return (
    <div
      className="flex items-baseline gap-3 rounded-lg bg-white px-3 py-2.5 text-sm ring-1 ring-slate-200"
      data-testid="preview-email"
    >
      <span className="w-28 shrink-0 truncate font-semibold text-slate-900">{brandName ?? 'Your store'}</span>
      <span className="min-w-0">
        <span className="font-semibold text-slate-900">{fields.subject?.[0] ?? ''}</span>
        <span className="text-slate-600"> — {fields.preheader?.[0] ?? ''}</span>
      </span>
    </div>
  );
}
