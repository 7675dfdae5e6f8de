import type { Verdict } from './present';

const TONE: Record<Verdict['tone'], string> = {
  good: 'bg-emerald-50 text-emerald-900 ring-emerald-200',
  neutral: 'bg-slate-50 text-slate-800 ring-slate-200',
  bad: 'bg-amber-50 text-amber-900 ring-amber-200',
};

/** The one-sentence outcome of an evaluation (does the model beat its baselines, by how much). */
export function VerdictNote({ verdict }: { verdict: Verdict }) {
  return (
    <p
      data-verdict={verdict.tone}
      className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${TONE[verdict.tone]}`}
    >
      {verdict.text}
    </p>
  );
}
