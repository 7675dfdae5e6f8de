import Form from 'next/form';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { CatalogPage } from '@/lib/search/types';
import {
  CATALOG_SORTS,
  type CatalogQuery,
  SEARCH_MODES,
  categoryLabel,
  categoryValue,
  languageLabel,
} from './present';

type Facets = CatalogPage['facets'];

/**
 * Category options: every path the facets give (with its count), plus its parents so a whole
 * department can be chosen. Facets list only the largest categories, so parents carry no count.
 */
export function categoryOptions(
  facets: Facets['categories'],
): { value: string; label: string; count: number | null }[] {
  const nodes = new Map<string, { path: string[]; count: number | null }>();
  for (const f of facets) nodes.set(categoryValue(f.path), { path: f.path, count: f.count });
  for (const f of facets) {
    for (let depth = 1; depth < f.path.length; depth++) {
      const path = f.path.slice(0, depth);
      const key = categoryValue(path);
      if (!nodes.has(key)) nodes.set(key, { path, count: null });
    }
  }
  return [...nodes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, n]) => ({
      value,
      label: n.path.length > 1 ? `\u00a0\u00a0${categoryLabel(n.path)}` : `${n.path[0] ?? ''} (all)`,
      count: n.count,
    }));
}

/**
 * The catalog's search and filter form. A plain GET form (next/form adds client-side
 * navigation when JavaScript runs): the URL holds the whole state, so results can be shared,
 * and typing a query and pressing Enter searches.
 */
export function CatalogSearchForm({
  slug,
  query,
  facets,
  currency,
  format,
}: {
  slug: string;
  query: CatalogQuery;
  facets: Facets;
  currency: string;
  format: (n: number) => string;
}) {
  const categories = categoryOptions(facets.categories);
  // A chosen value that the facets do not list (no products left there) stays selectable.
  if (query.category && !categories.some((c) => c.value === query.category)) {
    categories.unshift({ value: query.category, label: query.category.replaceAll('>', ' › '), count: null });
  }
  const brands = [...facets.brands].sort((a, b) => a.brand.localeCompare(b.brand));
  if (query.brand && !brands.some((b) => b.brand === query.brand))
    brands.unshift({ brand: query.brand, count: 0 });
  return (
    <Form action={`/${slug}/products`} role="search" aria-label="Catalog" className="space-y-4">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor="catalog-q" className="block text-sm font-medium text-slate-800">
            Search products
          </label>
          <input
            id="catalog-q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            placeholder="e.g. leather boots, Leinenhemd, 防水"
            aria-describedby="catalog-q-hint"
            className={inputClass}
          />
          <p id="catalog-q-hint" className="text-xs text-slate-500">
            Any language of the catalog. Press Enter to search; leave empty to browse.
          </p>
        </div>
        <fieldset className="shrink-0">
          <legend className="mb-1.5 block text-sm font-medium text-slate-800">Search mode</legend>
          <div className="inline-flex rounded-md shadow-sm ring-1 ring-slate-300">
            {SEARCH_MODES.map((m, i) => (
              <label
                key={m.value}
                title={m.hint}
                className={`relative cursor-pointer px-3 py-2 text-sm font-medium text-slate-700 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:z-10 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 ${i === 0 ? 'rounded-l-md' : ''} ${i === SEARCH_MODES.length - 1 ? 'rounded-r-md' : 'border-r border-slate-300'}`}
              >
                <input
                  type="radio"
                  name="mode"
                  value={m.value}
                  defaultChecked={query.mode === m.value}
                  className="absolute inset-0 size-full cursor-pointer appearance-none rounded-[inherit] opacity-0"
                />
                {m.label}
                <span className="sr-only"> ({m.hint})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={buttonClass('primary', 'shrink-0')}>
          Search
        </button>
      </div>

      <fieldset className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
        <legend className="px-1 text-sm font-medium text-slate-800">Filters</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
          <div className="space-y-1.5">
            <label htmlFor="catalog-category" className="block text-xs font-medium text-slate-700">
              Category
            </label>
            <select
              id="catalog-category"
              name="category"
              defaultValue={query.category}
              className={inputClass}
            >
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                  {c.count !== null ? ` (${format(c.count)})` : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="catalog-brand" className="block text-xs font-medium text-slate-700">
              Brand
            </label>
            <select id="catalog-brand" name="brand" defaultValue={query.brand} className={inputClass}>
              <option value="">All brands</option>
              {brands.map((b) => (
                <option key={b.brand} value={b.brand}>
                  {b.brand} ({format(b.count)})
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="catalog-min" className="block text-xs font-medium text-slate-700">
              Min price ({currency})
            </label>
            <input
              id="catalog-min"
              name="min"
              inputMode="decimal"
              defaultValue={query.min}
              autoComplete="off"
              className={inputClass}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="catalog-max" className="block text-xs font-medium text-slate-700">
              Max price ({currency})
            </label>
            <input
              id="catalog-max"
              name="max"
              inputMode="decimal"
              defaultValue={query.max}
              autoComplete="off"
              className={inputClass}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="catalog-sort" className="block text-xs font-medium text-slate-700">
              Sort (browsing)
            </label>
            <select id="catalog-sort" name="sort" defaultValue={query.sort} className={inputClass}>
              {CATALOG_SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-center gap-2 pb-2">
            <input
              id="catalog-stock"
              name="stock"
              type="checkbox"
              value="1"
              defaultChecked={query.inStock}
              className="size-4 rounded border-slate-300 text-brand-600"
            />
            <label htmlFor="catalog-stock" className="text-sm text-slate-800">
              In stock only
            </label>
          </div>
        </div>
        {query.missing ? (
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <input type="hidden" name="missing" value={query.missing} />
            Only products without a {languageLabel(query.missing)} title.
            <Link
              href={`/${slug}/products${query.q ? `?q=${encodeURIComponent(query.q)}` : ''}`}
              className="font-medium text-brand-700 underline"
            >
              Show all languages
            </Link>
          </p>
        ) : null}
        <p className="mt-3 text-xs text-slate-500">
          Filters apply when you press Search.{' '}
          <Link href={`/${slug}/products`} className="font-medium text-brand-700 underline">
            Clear search and filters
          </Link>
        </p>
      </fieldset>
    </Form>
  );
}
