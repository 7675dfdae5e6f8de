import Form from 'next/form';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { formatMoney, formatNumber, formatRelative } from '@/lib/format';
import type { ShopperSort } from '@/lib/profiles/queries';
import type { ShopperList } from '@/lib/profiles/service';
import {
  RFM_LABELS,
  SORT_LABELS,
  type ShopperQuery,
  formatPercent,
  shopperLabel,
  shoppersHref,
} from './present';

/** The search and filter form: a GET form, so the URL holds the state and Enter searches. */
export function ShopperSearchForm({
  slug,
  query,
  segments,
  countries,
}: {
  slug: string;
  query: ShopperQuery;
  segments: { id: string; name: string; size: number | null }[];
  countries: { country: string; n: number }[];
}) {
  return (
    <Form action={`/${slug}/shoppers`} role="search" aria-label="Shoppers" className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <div className="space-y-1.5 lg:col-span-2">
          <label htmlFor="shoppers-q" className="block text-sm font-medium text-slate-800">
            Search shoppers
          </label>
          <input
            id="shoppers-q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            placeholder="Exact email, customer ID or shopper ID"
            aria-describedby="shoppers-q-hint"
            className={inputClass}
          />
          <p id="shoppers-q-hint" className="text-xs text-slate-600">
            Emails and names are stored encrypted: an email is found by its exact address; names cannot be
            searched.
          </p>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="shoppers-segment" className="block text-sm font-medium text-slate-800">
            Segment
          </label>
          <select id="shoppers-segment" name="segment" defaultValue={query.segment} className={inputClass}>
            <option value="">All shoppers</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.size !== null ? ` (${formatNumber(s.size)})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="shoppers-kind" className="block text-sm font-medium text-slate-800">
            Kind
          </label>
          <select id="shoppers-kind" name="kind" defaultValue={query.kind} className={inputClass}>
            <option value="">Customers and visitors</option>
            <option value="customer">Customers</option>
            <option value="visitor">Anonymous visitors</option>
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="shoppers-country" className="block text-sm font-medium text-slate-800">
            Country
          </label>
          <select id="shoppers-country" name="country" defaultValue={query.country} className={inputClass}>
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c.country} value={c.country}>
                {c.country} ({formatNumber(c.n)})
              </option>
            ))}
          </select>
        </div>
      </div>
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="flex gap-3">
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
        <Link href={`/${slug}/shoppers`} className={buttonClass('secondary')}>
          Clear
        </Link>
      </div>
    </Form>
  );
}

/** A column header that sorts by its key: a link, with aria-sort on the current column. */
function SortHeader({
  slug,
  query,
  list,
  sort,
  className = '',
}: {
  slug: string;
  query: ShopperQuery;
  list: ShopperList;
  sort: ShopperSort;
  className?: string;
}) {
  const current = list.sort === sort;
  const nextDir = current ? (list.dir === 'desc' ? 'asc' : 'desc') : sort === 'name' ? 'asc' : 'desc';
  const label = SORT_LABELS[sort];
  return (
    <Th
      className={className}
      aria-sort={current ? (list.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link
        href={shoppersHref(slug, { ...query, sort, dir: nextDir, page: 1 })}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {label}
        <span aria-hidden="true">{current ? (list.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        <span className="sr-only">
          {current ? `, sorted ${list.dir === 'asc' ? 'ascending' : 'descending'}` : ''}, sort{' '}
          {nextDir === 'asc' ? 'ascending' : 'descending'}
        </span>
      </Link>
    </Th>
  );
}

/** The table of shoppers with sortable headers and previous/next pages. */
export function ShopperTable({
  slug,
  query,
  list,
  currency,
  locale,
}: {
  slug: string;
  query: ShopperQuery;
  list: ShopperList;
  currency: string;
  locale: string;
}) {
  const money = (m: number | null) => (m === null ? '—' : formatMoney(Math.round(m), currency, locale));
  const now = Date.now();
  return (
    <div className="space-y-3">
      {/* The scores come right after who the shopper is: on a narrow screen they stay in view. */}
      <Table caption="Shoppers">
        <thead>
          <tr>
            <SortHeader slug={slug} query={query} list={list} sort="name" />
            <Th>Country</Th>
            <Th>RFM segment</Th>
            <SortHeader slug={slug} query={query} list={list} sort="churn" className="text-right" />
            <SortHeader slug={slug} query={query} list={list} sort="propensity" className="text-right" />
            <SortHeader slug={slug} query={query} list={list} sort="clv" className="text-right" />
            <SortHeader slug={slug} query={query} list={list} sort="orders" className="text-right" />
            <SortHeader slug={slug} query={query} list={list} sort="monetary" className="text-right" />
            <SortHeader slug={slug} query={query} list={list} sort="recency" />
            <SortHeader slug={slug} query={query} list={list} sort="lastSeen" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.map((r) => (
            <tr key={r.id}>
              <Td className="whitespace-normal">
                <Link href={`/${slug}/shoppers/${r.id}`} className="font-medium text-brand-700 underline">
                  {shopperLabel(r)}
                </Link>
                <div className="text-xs text-slate-500">
                  {r.kind === 'customer' ? (r.email ?? r.externalId ?? 'Customer') : 'Anonymous visitor'}
                </div>
              </Td>
              <Td>{r.country ?? '—'}</Td>
              <Td>{r.rfmSegment ? <Badge>{RFM_LABELS[r.rfmSegment]}</Badge> : '—'}</Td>
              <Td className="text-right tabular-nums">{formatPercent(r.churn, locale)}</Td>
              <Td className="text-right tabular-nums">{formatPercent(r.propensity, locale)}</Td>
              <Td className="text-right tabular-nums">{money(r.clv)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(r.orders, locale)}</Td>
              <Td className="text-right tabular-nums">{money(r.monetaryMinor)}</Td>
              <Td>{r.lastOrderAt ? formatRelative(r.lastOrderAt, now, locale) : '—'}</Td>
              <Td>{r.lastSeenAt ? formatRelative(r.lastSeenAt, now, locale) : '—'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
        <span>
          Page {formatNumber(list.page, locale)} of {formatNumber(list.pages, locale)}
        </span>
        <span className="flex gap-2">
          {list.page > 1 ? (
            <Link
              href={shoppersHref(slug, { ...query, page: list.page - 1 })}
              className={buttonClass('secondary')}
            >
              Previous page
            </Link>
          ) : null}
          {list.page < list.pages ? (
            <Link
              href={shoppersHref(slug, { ...query, page: list.page + 1 })}
              className={buttonClass('secondary')}
            >
              Next page
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
