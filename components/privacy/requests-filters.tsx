import { buttonClass } from '@/components/ui/button';
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES } from '@/db/schema';
import { KIND_LABELS, STATUS_LABELS } from './requests-present';

/** Status and kind filters as a plain GET form (works without JavaScript, keeps the URL shareable). */
export function RequestsFilters({ slug, status, kind }: { slug: string; status?: string; kind?: string }) {
  const select =
    'rounded-md border-0 bg-white py-1.5 pl-3 pr-8 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500';
  return (
    <form method="get" action={`/${slug}/privacy/requests`} className="mb-4 flex flex-wrap items-end gap-3">
      <label className="text-sm text-slate-700">
        <span className="mb-1 block font-medium">Status</span>
        <select name="status" defaultValue={status ?? ''} className={select}>
          <option value="">Any status</option>
          {PRIVACY_REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        <span className="mb-1 block font-medium">Kind</span>
        <select name="kind" defaultValue={kind ?? ''} className={select}>
          <option value="">Any kind</option>
          {PRIVACY_REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        Filter
      </button>
      {status || kind ? (
        <a href={`/${slug}/privacy/requests`} className={buttonClass('ghost')}>
          Clear
        </a>
      ) : null}
    </form>
  );
}
