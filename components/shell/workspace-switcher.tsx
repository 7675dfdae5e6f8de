import Link from 'next/link';

/** A disclosure listing the user's workspaces; works without JavaScript and by keyboard. */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: { slug: string; name: string };
  workspaces: { slug: string; name: string; role: string }[];
}) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50">
        <span className="truncate">
          <span className="sr-only">Current workspace: </span>
          {current.name}
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="h-4 w-4 text-slate-500 group-open:rotate-180"
          fill="currentColor"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute left-0 right-0 z-20 mt-1 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
        <p className="px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Switch workspace
        </p>
        <ul>
          {workspaces.map((w) => (
            <li key={w.slug}>
              <Link
                href={`/${w.slug}`}
                aria-current={w.slug === current.slug ? 'true' : undefined}
                className="flex justify-between rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 aria-[current=true]:font-semibold"
              >
                <span className="truncate">{w.name}</span>
                <span className="text-xs text-slate-500">{w.role}</span>
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/workspaces/new"
          className="mt-1 block rounded border-t border-slate-100 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100"
        >
          + New workspace
        </Link>
      </div>
    </details>
  );
}
