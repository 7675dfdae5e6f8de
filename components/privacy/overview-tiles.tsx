import type { ReactNode } from 'react';

export interface OverviewTile {
  label: string;
  value: string;
  note: string;
  tone?: 'ok' | 'warn' | 'bad' | 'plain';
}

const TONE = {
  ok: 'text-emerald-700',
  warn: 'text-amber-800',
  bad: 'text-red-700',
  plain: 'text-slate-500',
} as const;

/** The compliance overview's headline figures. */
export function OverviewTiles({ tiles }: { tiles: OverviewTile[] }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
      {tiles.map((t) => (
        <div key={t.label} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm font-medium text-slate-600">{t.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{t.value}</dd>
          <dd className={`mt-1 text-xs ${TONE[t.tone ?? 'plain']}`}>{t.note}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One horizontal bar split into shares (granted / denied / undecided …), with a legend in text. */
export function ShareBar({
  label,
  parts,
}: {
  label: ReactNode;
  parts: { label: string; value: number; className: string }[];
}) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  const pct = (v: number) => (total > 0 ? Math.round((v / total) * 1000) / 10 : 0);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="text-xs text-slate-600">
          {parts.map((p) => `${p.label} ${pct(p.value)} %`).join(' · ')}
        </span>
      </div>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {parts.map((p) =>
          p.value > 0 ? (
            <div key={p.label} className={p.className} style={{ width: `${pct(p.value)}%` }} />
          ) : null,
        )}
      </div>
    </div>
  );
}
