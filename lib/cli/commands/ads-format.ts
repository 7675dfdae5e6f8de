/** Output of `tailor ads generate`: the JSON shape and the human-readable lines. */
import type { ChannelSpec } from '@/lib/ads/channels';
import type { CreativeFields, SegmentBrief, SlotResult } from '@/lib/ads/types';

export interface LocaleResult {
  locale: string;
  brief: SegmentBrief;
  result: SlotResult;
}

export interface GenerateSummary {
  segment: string;
  channel: string;
  provider: string;
  model: string;
}

/**
 * `{ segment, channel, provider, model, locales: { en: { accepted: [fields], rejected: [{ fields,
 * failed: [{ check, reason, field }] }], errors: [{ code, message }] } } }`.
 */
export function generateJson(summary: GenerateSummary, results: LocaleResult[]) {
  return {
    ...summary,
    locales: Object.fromEntries(
      results.map(({ locale, result }) => [
        locale,
        {
          accepted: result.accepted.map((a) => a.candidate.fields),
          rejected: result.rejected.map((r) => ({
            fields: r.candidate.fields,
            failed: r.failed.map((f) => ({
              check: f.check,
              reason: f.reason ?? null,
              field: f.field ?? null,
            })),
          })),
          errors: result.errors,
        },
      ]),
    ),
  };
}

function fieldLines(spec: ChannelSpec, fields: CreativeFields): string[] {
  const keys = [
    ...spec.fields.map((f) => f.key),
    ...Object.keys(fields).filter((k) => !spec.fields.some((f) => f.key === k)),
  ];
  return keys.flatMap((key) => {
    const label = spec.fields.find((f) => f.key === key)?.label ?? key;
    const texts = Array.isArray(fields[key]) ? fields[key] : [];
    return texts.map((t, i) => `    ${texts.length > 1 ? `${label} ${i + 1}` : label}: ${t}`);
  });
}

/** Per locale: the brief in one line, each accepted creative's texts, each dropped one's failures. */
export function generateLines(
  summary: GenerateSummary,
  spec: ChannelSpec,
  results: LocaleResult[],
): string[] {
  const out = [`${spec.label} for ${summary.segment} · ${summary.provider} (${summary.model})`];
  for (const { locale, brief, result } of results) {
    const top = brief.topCategories[0];
    out.push('');
    out.push(
      `${locale}: ${result.accepted.length} passed, ${result.rejected.length} dropped` +
        ` (segment of ${brief.size}${top ? `, mostly ${top.name}` : ''}${brief.priceBand ? `, ${brief.priceBand}` : ''})`,
    );
    result.accepted.forEach((a, i) => {
      out.push(`  ✓ creative ${i + 1} (attempt ${a.attempt})`);
      out.push(...fieldLines(spec, a.candidate.fields));
    });
    for (const r of result.rejected) {
      const reasons = r.failed.map(
        (f) => `${f.check}${f.field ? ` ${f.field}` : ''}: ${f.reason ?? 'failed'}`,
      );
      out.push(
        `  ✗ dropped (attempt ${r.attempt}): ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? ` (+${reasons.length - 3} more)` : ''}`,
      );
    }
    for (const e of result.errors) out.push(`  ! provider ${e.code}: ${e.message}`);
  }
  return out;
}
