import { STATUS_COLOR, STATUS_LABEL } from '@/components/model-quality/present';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { MakePredictionLiveButton } from './make-live-button';

export interface PredictionVersionView {
  id: string;
  version: number;
  status: 'training' | 'ready' | 'failed' | 'retired';
  live: boolean;
  method: string;
  trainedAt: string;
  shoppers: string;
  /** The kind's headline figure (AUC, MAE, hit rate @3). */
  headline: string;
  /** Why it failed, or that it is the rule-based fallback. */
  note: string | null;
}

/** Every version of one kind, newest first; ready ones can be made live again by those who may. */
export function PredictionVersionsTable({
  slug,
  kindTitle,
  headlineHeader,
  versions,
  canMakeLive,
}: {
  slug: string;
  kindTitle: string;
  headlineHeader: string;
  versions: PredictionVersionView[];
  canMakeLive: boolean;
}) {
  return (
    <Table caption={`${kindTitle} versions`} dense>
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>Status</Th>
          <Th>Method</Th>
          <Th>Trained</Th>
          <Th className="text-right">Shoppers</Th>
          <Th className="text-right">{headlineHeader}</Th>
          <Th>Note</Th>
          {canMakeLive ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {versions.map((v) => (
          // The id is this workspace's own; e2e/isolation.spec.ts can read it to probe another workspace.
          <tr key={v.id} data-prediction-version-id={v.id}>
            <Td className="font-medium text-slate-900">{v.version}</Td>
            <Td>
              <span className="inline-flex gap-1.5">
                <Badge color={STATUS_COLOR[v.status]}>{STATUS_LABEL[v.status]}</Badge>
                {v.live ? <Badge color="green">Live</Badge> : null}
              </span>
            </Td>
            <Td className="min-w-48 whitespace-normal">{v.method}</Td>
            <Td className="min-w-40 whitespace-normal">{v.trainedAt}</Td>
            <Td className="text-right tabular-nums">{v.shoppers}</Td>
            <Td className="text-right tabular-nums">{v.headline}</Td>
            <Td className="min-w-32 whitespace-normal text-slate-600">{v.note ?? ''}</Td>
            {canMakeLive ? (
              <Td className="text-right">
                {v.status === 'ready' && !v.live ? (
                  <MakePredictionLiveButton slug={slug} id={v.id} version={v.version} kindTitle={kindTitle} />
                ) : null}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
