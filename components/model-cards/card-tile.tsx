import Link from 'next/link';
import { KIND_TITLE, methodLabel } from '@/components/predictions/present';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { PredictionKind } from '@/db/schema/shoppers';
import type { DriftStatus } from '@/lib/predict/drift/psi';
import { DRIFT_BADGE, DRIFT_TEXT, formatPsi, type Headline } from './present';

export interface CardTileView {
  id: string;
  kind: PredictionKind;
  version: number;
  method: string;
  trained: string;
  population: number;
  headline: Headline | null;
  /** Newest drift check, null when never checked (or not monitored). */
  drift: { status: DriftStatus; psi: number; when: string } | null;
  hasCard: boolean;
}

/** One live model at a glance: method, when, on how many shoppers, its headline figure vs baseline, drift. */
export function CardTile({
  slug,
  tile,
  formatCount,
}: {
  slug: string;
  tile: CardTileView;
  formatCount: (n: number) => string;
}) {
  const h = tile.headline;
  return (
    <article
      className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      aria-label={`${KIND_TITLE[tile.kind]} model card`}
    >
      <header className="flex items-start justify-between gap-3">
        <h2 className="text-base font-semibold text-slate-900">{KIND_TITLE[tile.kind]}</h2>
        {tile.drift ? (
          <Badge color={DRIFT_BADGE[tile.drift.status]}>
            {DRIFT_TEXT[tile.drift.status]} · PSI {formatPsi(tile.drift.psi)}
          </Badge>
        ) : (
          <Badge>{tile.kind === 'preference' ? 'Drift not monitored' : 'Drift not checked yet'}</Badge>
        )}
      </header>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">Method</dt>
        <dd className="text-slate-800">{methodLabel(tile.method)}</dd>
        <dt className="text-slate-500">Trained</dt>
        <dd className="text-slate-800">
          {tile.trained} (version {tile.version})
        </dd>
        <dt className="text-slate-500">Population</dt>
        <dd className="text-slate-800">{formatCount(tile.population)} shoppers</dd>
        {h ? (
          <>
            <dt className="text-slate-500">{h.metric}</dt>
            <dd className="text-slate-800">
              <span className="font-semibold tabular-nums">{h.model}</span>
              {h.interval ? <span className="text-slate-500"> (95% CI {h.interval})</span> : null} vs{' '}
              <span className="tabular-nums">{h.baseline}</span> for the {h.baselineLabel}
              {h.better ? '' : ' — not better than the baseline'}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="mt-auto pt-4">
        <Link
          href={`/${slug}/model-cards/${tile.id}`}
          className="text-sm font-medium text-brand-700 underline"
        >
          {tile.hasCard ? 'Open the model card' : 'Open (retrain to get a full card)'}
        </Link>
      </p>
    </article>
  );
}

/** Every stored version of one kind, newest first, each linking to its card. */
export function CardVersionsTable({
  slug,
  kind,
  versions,
}: {
  slug: string;
  kind: PredictionKind;
  versions: {
    id: string;
    version: number;
    status: string;
    live: boolean;
    method: string;
    trained: string;
    headline: string;
    hasCard: boolean;
  }[];
}) {
  return (
    <Table caption={`${KIND_TITLE[kind]} versions`}>
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>Status</Th>
          <Th>Method</Th>
          <Th>Trained</Th>
          <Th>Headline</Th>
          <Th>Card</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {versions.map((v) => (
          <tr key={v.id}>
            <Td className="tabular-nums">{v.version}</Td>
            <Td>{v.live ? <Badge color="green">live</Badge> : <Badge>{v.status}</Badge>}</Td>
            <Td>{methodLabel(v.method)}</Td>
            <Td>{v.trained}</Td>
            <Td className="tabular-nums">{v.headline}</Td>
            <Td>
              <Link href={`/${slug}/model-cards/${v.id}`} className="text-brand-700 underline">
                {v.hasCard ? `Card of version ${v.version}` : `Version ${v.version} (no card)`}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
