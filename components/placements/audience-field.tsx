import type { ErrorsOf } from './form-parts';

export interface SegmentOption {
  id: string;
  name: string;
}

/**
 * Who sees the placement: everyone, or only the shoppers of one segment (`rules.audienceSegmentId`;
 * blank = everyone). Anonymous visitors are never in a segment, so an audience placement is for
 * recognised shoppers.
 */
export function AudienceField({
  value,
  segments,
  errors,
}: {
  value: string;
  segments: readonly SegmentOption[];
  errors: ErrorsOf;
}) {
  const problems = errors('rules.audienceSegmentId');
  return (
    <div>
      <label htmlFor="rule-audience" className="block text-sm font-medium text-slate-800">
        Shown to
      </label>
      <select
        id="rule-audience"
        name="rules.audienceSegmentId"
        defaultValue={value}
        aria-describedby={problems ? 'rule-audience-hint rule-audience-error' : 'rule-audience-hint'}
        aria-invalid={problems ? true : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      >
        <option value="">Everyone</option>
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            Segment: {s.name}
          </option>
        ))}
      </select>
      <p id="rule-audience-hint" className="mt-1 text-xs text-slate-600">
        With a segment, other shoppers and anonymous visitors get an empty widget (it hides itself).
      </p>
      {problems ? (
        <p id="rule-audience-error" role="alert" className="mt-1 text-xs text-red-700">
          {problems.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
