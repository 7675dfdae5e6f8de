import type { CreativeFields, StoredCheck } from '@/db/schema/ads';
import { checkLabel, fieldLabel, splitChecks } from './present';

/**
 * A creative's guardrail results: every failure with its reason (and the field it concerns)
 * in plain sight, the passed checks folded into one line a reader can open.
 */
export function GuardrailResults({
  checks,
  title = 'Checks',
}: {
  checks: readonly StoredCheck[];
  title?: string;
}) {
  const { failed, passed } = splitChecks(checks);
  return (
    <div className="space-y-1.5 text-xs" data-testid="guardrail-results">
      {failed.length > 0 ? (
        <ul className="space-y-1" aria-label={`${title}: failed`}>
          {failed.map((c, i) => (
            <li
              key={`${c.check}-${c.field ?? ''}-${i}`}
              className="rounded-md bg-red-50 px-2 py-1 text-red-800 ring-1 ring-red-200"
            >
              <span className="font-semibold">✗ {checkLabel(c.check)}</span>
              {c.field ? <span className="text-red-700"> · {c.field}</span> : null}
              {c.reason ? <span className="block">{c.reason}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {passed.length > 0 ? (
        <details className="group">
          <summary className="cursor-pointer text-emerald-800 hover:underline">
            ✓ {passed.length} {passed.length === 1 ? 'check' : 'checks'} passed
          </summary>
          <ul className="mt-1 list-none space-y-0.5 pl-4 text-slate-700">
            {passed.map((c, i) => (
              <li key={`${c.check}-${i}`}>✓ {checkLabel(c.check)}</li>
            ))}
          </ul>
        </details>
      ) : failed.length === 0 ? (
        <p className="text-slate-600">Not checked yet.</p>
      ) : null}
    </div>
  );
}

/** Texts of a creative as a compact list "Headlines: a · b · c". */
export function FieldsSummary({ fields }: { fields: CreativeFields }) {
  return (
    <dl className="space-y-0.5 text-xs text-slate-700">
      {Object.entries(fields).map(([key, texts]) => (
        <div key={key}>
          <dt className="inline font-medium text-slate-800">{fieldLabel(key)}: </dt>
          <dd className="inline">{texts.join(' · ')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Candidates of the slot that a guardrail dropped, each with its failures; folded until asked for. */
export function DroppedCandidates({
  dropped,
}: {
  dropped: readonly { fields: CreativeFields; failed: readonly StoredCheck[] }[];
}) {
  if (dropped.length === 0) return null;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 hover:underline">
        {dropped.length} dropped {dropped.length === 1 ? 'candidate' : 'candidates'} of this slot
      </summary>
      <ol className="mt-2 space-y-2">
        {dropped.map((d, i) => (
          <li key={i} className="space-y-1 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
            <FieldsSummary fields={d.fields} />
            <GuardrailResults checks={d.failed} title={`Dropped candidate ${i + 1}`} />
          </li>
        ))}
      </ol>
    </details>
  );
}
