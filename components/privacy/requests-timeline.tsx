import { formatDateTime } from '@/lib/format';
import type { HistoryEntry } from '@/lib/privacy/requests/service';
import { STATUS_LABELS } from './requests-present';

/** Each status the request went through, who moved it and when. */
export function RequestTimeline({
  history,
  locale,
  timeZone,
}: {
  history: HistoryEntry[];
  locale: string;
  timeZone: string;
}) {
  return (
    <ol className="space-y-3 border-l border-slate-200 pl-4" aria-label="Timeline">
      {history.map((h, i) => (
        <li key={`${h.status}-${i}`} className="relative">
          <span
            className="absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-500"
            aria-hidden="true"
          />
          <p className="text-sm font-medium text-slate-900">{STATUS_LABELS[h.status] ?? h.status}</p>
          <p className="text-xs text-slate-600">
            {formatDateTime(h.at, locale, timeZone)} · {h.by}
          </p>
          {h.note ? <p className="mt-0.5 text-xs text-amber-800">{h.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
