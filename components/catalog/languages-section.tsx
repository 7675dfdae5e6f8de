import { Card } from '@/components/ui/card';
import type { LanguageMismatchRow, LocaleCoverage, ShopperLanguages } from '@/lib/catalog/coverage';
import { languageName } from '@/lib/language/detect';
import { CoverageTable, MismatchList, SearchLanguagesList } from './languages-panel';

/** Shopper languages below this share are summed as "other languages". */
const MIN_SHARE = 0.02;
const MAX_SHOWN = 8;

/**
 * The catalog page's "Languages" panel: translation coverage per locale, texts filed under the
 * wrong locale, and the languages shoppers search in (flagging those the catalog lacks).
 */
export function LanguagesPanel({
  slug,
  coverage,
  mismatches,
  shoppers,
  locale,
  format,
}: {
  slug: string;
  coverage: LocaleCoverage[];
  mismatches: LanguageMismatchRow[];
  shoppers: ShopperLanguages;
  locale: string;
  format: (n: number) => string;
}) {
  // Short texts give detection a long tail of stray guesses: show the main languages, sum the rest.
  const shown = shoppers.languages.filter((l) => l.share >= MIN_SHARE).slice(0, MAX_SHOWN);
  const rest = shoppers.languages.slice(shown.length);
  const other = rest.length
    ? {
        languages: rest.length,
        count: rest.reduce((n, l) => n + l.count, 0),
        share: rest.reduce((n, l) => n + l.share, 0),
      }
    : null;
  const uncovered = shown.filter((l) => !l.inCatalog);
  return (
    <Card
      title="Languages"
      description="Which languages the catalog is written in, and which your shoppers search in."
    >
      <div className="space-y-8">
        <section aria-labelledby="coverage-heading" className="space-y-2">
          <h3 id="coverage-heading" className="text-sm font-semibold text-slate-900">
            Translation coverage
          </h3>
          <p className="text-xs text-slate-600">
            Share of active products with a title and a description in each locale. Follow a count to list the
            products that lack the title.
          </p>
          <CoverageTable
            slug={slug}
            locale={locale}
            format={format}
            rows={coverage.map((c) => ({
              locale: c.locale,
              name: c.name,
              titles: c.withTitle,
              descriptions: c.withDescription,
              total: c.total,
              isDefault: c.isDefault,
              supported: c.supported,
            }))}
          />
        </section>
        <div className="grid gap-8 xl:grid-cols-2">
          <section aria-labelledby="mismatch-heading" className="space-y-2">
            <h3 id="mismatch-heading" className="text-sm font-semibold text-slate-900">
              Texts in another language than their locale
            </h3>
            <MismatchList
              slug={slug}
              rows={mismatches.map((m) => ({
                productId: m.productId,
                title: m.title ?? m.externalId,
                titleLocale: m.detected,
                locale: m.locale,
                localeName: languageName(m.locale),
                detected: m.detected,
                detectedName: m.detectedName,
              }))}
            />
          </section>
          <section aria-labelledby="shopper-languages-heading" className="space-y-2">
            <h3 id="shopper-languages-heading" className="text-sm font-semibold text-slate-900">
              What shoppers search in
            </h3>
            <p className="text-xs text-slate-600">
              Searches and reviews of the last {shoppers.days} days
              {shoppers.total
                ? `: ${format(shoppers.total)}, of which ${format(shoppers.undetermined)} too short to tell.`
                : '.'}
              {uncovered.length
                ? ` The catalog has no texts in ${uncovered.map((l) => l.name).join(', ')}.`
                : ''}
            </p>
            <SearchLanguagesList
              locale={locale}
              format={format}
              other={other}
              rows={shown.map((l) => ({
                language: l.language,
                name: l.name,
                count: l.count,
                share: l.share,
                covered: l.inCatalog,
              }))}
            />
          </section>
        </div>
      </div>
    </Card>
  );
}
