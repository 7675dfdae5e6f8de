import { Badge } from '@/components/ui/card';
import type { DetectedLanguage } from '@/db/schema/embeddings';
import { baseLanguage, isLanguageMismatch } from '@/lib/language/detect';
import { percentOf } from './present';

export interface LocaleTextView {
  locale: string;
  /** The locale's name ("German"). */
  name: string;
  title: string | null;
  description: string | null;
  detected: DetectedLanguage | null;
  /** The detected language's name, when there is one. */
  detectedName: string | null;
}

/** What detection says about one locale's text: fine, a different language, or too short to tell. */
export function detectionVerdict(
  locale: string,
  detected: DetectedLanguage | null,
): { tone: 'green' | 'amber' | 'gray'; kind: 'match' | 'mismatch' | 'unsure' | 'unknown' } {
  if (!detected) return { tone: 'gray', kind: 'unknown' };
  if (isLanguageMismatch(locale, detected)) return { tone: 'amber', kind: 'mismatch' };
  if (!detected.language || !detected.reliable) return { tone: 'amber', kind: 'unsure' };
  return baseLanguage(detected.language) === baseLanguage(locale)
    ? { tone: 'green', kind: 'match' }
    : { tone: 'amber', kind: 'unsure' };
}

function Detection({ text, locale }: { text: LocaleTextView; locale: string }) {
  const v = detectionVerdict(text.locale, text.detected);
  const d = text.detected;
  const label = text.detectedName ?? d?.language ?? '';
  const confidence = d ? percentOf(d.probability, locale) : '';
  switch (v.kind) {
    case 'unknown':
      return <Badge color="gray">Not analysed yet</Badge>;
    case 'match':
      return (
        <Badge color="green">
          Detected: {label} ({confidence})
        </Badge>
      );
    case 'mismatch':
      return (
        <span className="inline-flex flex-wrap items-center gap-2">
          <Badge color="amber">Warning: reads as {label}</Badge>
          <span className="text-xs text-amber-900">
            This text is filed under {text.name} but detection says {label} ({confidence}).
          </span>
        </span>
      );
    default:
      return d?.language ? (
        <span className="inline-flex flex-wrap items-center gap-2">
          <Badge color="amber">Warning: uncertain</Badge>
          <span className="text-xs text-slate-600">
            Perhaps {label} ({confidence}), but detection is not sure.
          </span>
        </span>
      ) : (
        <span className="inline-flex flex-wrap items-center gap-2">
          <Badge color="amber">Warning: too short to tell</Badge>
          <span className="text-xs text-slate-600">A longer description helps detection.</span>
        </span>
      );
  }
}

/** The product's texts per locale, each with the language detected in it. */
export function ProductTexts({ texts, locale }: { texts: LocaleTextView[]; locale: string }) {
  if (texts.length === 0) {
    return (
      <p className="text-sm text-slate-600">This product has no title or description in any language.</p>
    );
  }
  return (
    <div className="divide-y divide-slate-100">
      {texts.map((t) => (
        <section key={t.locale} aria-labelledby={`text-${t.locale}`} className="py-4 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`text-${t.locale}`} className="text-sm font-semibold text-slate-900">
              {t.name} <span className="font-normal text-slate-500">({t.locale})</span>
            </h3>
            <Detection text={t} locale={locale} />
          </div>
          <dl className="mt-2 space-y-2 text-sm">
            <div>
              <dt className="sr-only">Title</dt>
              <dd className="font-medium text-slate-900">
                {t.title ? (
                  <span lang={t.locale}>{t.title}</span>
                ) : (
                  <span className="font-normal italic text-slate-500">No title in this language</span>
                )}
              </dd>
            </div>
            <div>
              <dt className="sr-only">Description</dt>
              <dd className="whitespace-pre-line text-slate-700">
                {t.description ? (
                  <span lang={t.locale}>{t.description}</span>
                ) : (
                  <span className="italic text-slate-500">No description in this language</span>
                )}
              </dd>
            </div>
          </dl>
        </section>
      ))}
    </div>
  );
}
