import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ACTION_LABELS, actionLabel } from './present';

/** A plain GET form: works without JavaScript and keeps the filter in the URL. */
export function AuditFilter({ basePath, action }: { basePath: string; action?: string }) {
  const codes = Object.keys(ACTION_LABELS);
  if (action && !codes.includes(action)) codes.push(action);
  return (
    <search aria-label="Filter the audit log">
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3">
        <div className="space-y-1.5">
          <label htmlFor="audit-action" className="block text-sm font-medium text-slate-800">
            Action
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={action ?? ''}
            className={`${inputClass} min-w-56`}
          >
            <option value="">All actions</option>
            {codes
              .map((c) => [c, actionLabel(c)] as const)
              .sort((a, b) => a[1].localeCompare(b[1]))
              .map(([c, label]) => (
                <option key={c} value={c}>
                  {label}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Filter
        </button>
        {action ? (
          <Link href={basePath} className={buttonClass('ghost')}>
            Clear filter
          </Link>
        ) : null}
      </form>
    </search>
  );
}
