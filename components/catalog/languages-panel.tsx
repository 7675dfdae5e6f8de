import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { percentOf } from './present';

export interface LocaleCoverageView {
  locale: string;
  name: string;
  /** Products with a title / description in this locale, out of `total`. */
  titles: number;
  descriptions: number;
  total: number;
  isDefault: boolean;
  /** Listed in the workspace's supported locales. */
  supported: boolean;
}

export interface MismatchView {
  productId: string;
  title: string;
  titleLocale: string;
  /** The locale key whose text is in another language. */
  locale: string;
  localeName: string;
  detected: string;
  detectedName: string;
}

export interface SearchLanguageView {
  language: string;
  name: string;
  count: number;
  share: number;
  /** The catalog has titles in this language. */
  covered: boolean;
}

const BAR_COLORS = { brand: 'bg-brand-500', amber: 'bg-amber-500', red: 'bg-red-500', gray: 'bg-slate-400' };

function Bar({ share, tone }: { share: number; tone: keyof typeof BAR_COLORS }) {
  const color = BAR_COLORS[tone];
  return (
    <span
      aria-hidden="true"
      className="inline-block h-2 w-24 overflow-hidden rounded bg-slate-100 align-middle"
    >
      <span
        className={`block h-full ${color}`}
        style={{ width: `${Math.round(Math.min(1, share) * 100)}%` }}
      />
    </span>
  );
}

const toneOf = (share: number) => (share >= 0.95 ? 'brand' : share >= 0.7 ? 'amber' : 'red');

/** Title and description coverage per locale, with a link to the products lacking each. */
export function CoverageTable({
  slug,
  rows,
  locale,
  format,
}: {
  slug: string;
  rows: LocaleCoverageView[];
  locale: string;
  format: (n: number) => string;
}) {
  return (
    <Table caption="Translation coverage per locale">
      <thead>
        <tr>
          <Th>Locale</Th>
          <Th>Titles</Th>
          <Th>Descriptions</Th>
          <Th className="text-right">Without a title</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const t = r.total ? r.titles / r.total : 0;
          const d = r.total ? r.descriptions / r.total : 0;
          const missing = r.total - r.titles;
          return (
            <tr key={r.locale}>
              <Td>
                <span className="font-medium text-slate-900">{r.name}</span>{' '}
                <span className="text-xs text-slate-500">
                  {r.locale}
                  {r.isDefault ? ' · default' : ''}
                  {!r.supported ? ' · not a supported locale' : ''}
                </span>
              </Td>
              <Td className="tabular-nums">
                <span className="inline-flex items-center gap-2">
                  <Bar share={t} tone={toneOf(t)} />
                  <span>
                    {percentOf(t, locale)}{' '}
                    <span className="text-xs text-slate-500">
                      ({format(r.titles)} of {format(r.total)})
                    </span>
                  </span>
                </span>
              </Td>
              <Td className="tabular-nums">
                <span className="inline-flex items-center gap-2">
                  <Bar share={d} tone={toneOf(d)} />
                  <span>
                    {percentOf(d, locale)}{' '}
                    <span className="text-xs text-slate-500">
                      ({format(r.descriptions)} of {format(r.total)})
                    </span>
                  </span>
                </span>
              </Td>
              <Td className="text-right tabular-nums">
                {missing > 0 ? (
                  <Link
                    href={`/${slug}/products?missing=${encodeURIComponent(r.locale)}`}
                    className="font-medium text-brand-700 underline"
                    aria-label={`${format(missing)} products without a ${r.name} title`}
                  >
                    {format(missing)}
                  </Link>
                ) : (
                  <span className="text-slate-500">none</span>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Texts whose detected language differs from their locale key (a German text under `en` …). */
export function MismatchList({ slug, rows }: { slug: string; rows: MismatchView[] }) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        None found: every text long enough to tell is in the language of its locale.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {rows.map((m) => (
        <li key={`${m.productId}:${m.locale}`} className="py-2">
          <Link href={`/${slug}/products/${m.productId}`} className="font-medium text-brand-700 underline">
            <span lang={m.titleLocale}>{m.title}</span>
          </Link>
          <span className="block text-xs text-slate-600">
            The {m.localeName} ({m.locale}) text reads as {m.detectedName} ({m.detected}).
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The languages shoppers search in, flagging those the catalog has no titles in. */
export function SearchLanguagesList({
  rows,
  other,
  locale,
  format,
}: {
  rows: SearchLanguageView[];
  /** The long tail, summed: how many languages, their texts and share. */
  other: { languages: number; count: number; share: number } | null;
  locale: string;
  format: (n: number) => string;
}) {
  if (rows.length === 0 && !other) {
    return (
      <p className="text-sm text-slate-600">
        No shopper searches yet. Searches sent by the storefront snippet or the events API (type{' '}
        <code>search</code>) show up here with their language.
      </p>
    );
  }
  const row = 'grid grid-cols-[minmax(6rem,9rem)_6rem_1fr] items-center gap-x-3';
  return (
    <ul className="space-y-2 text-sm" aria-label="Search languages, most used first">
      {rows.map((r) => (
        <li key={r.language} className={row}>
          <span className="font-medium text-slate-900">
            {r.name}
            {r.covered ? null : (
              <span className="block">
                <Badge color="red">Not in the catalog</Badge>
              </span>
            )}
          </span>
          <Bar share={r.share} tone={r.covered ? 'brand' : 'red'} />
          <span className="tabular-nums">
            {percentOf(r.share, locale)}{' '}
            <span className="text-xs text-slate-500">
              ({format(r.count)}
              <span className="sr-only"> searches and reviews</span>)
            </span>
          </span>
        </li>
      ))}
      {other ? (
        <li className={`${row} text-slate-600`}>
          <span>
            {format(other.languages)} other {other.languages === 1 ? 'language' : 'languages'}
          </span>
          <Bar share={other.share} tone="gray" />
          <span className="tabular-nums">
            {percentOf(other.share, locale)}{' '}
            <span className="text-xs text-slate-500">
              ({format(other.count)}
              <span className="sr-only"> searches and reviews</span>)
            </span>
          </span>
        </li>
      ) : null}
    </ul>
  );
}
