import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { MakeLiveButton } from './make-live-button';
import { STATUS_COLOR, STATUS_LABEL, type VersionStatus } from './present';

export interface VersionRowView {
  id: string;
  version: number;
  status: VersionStatus;
  live: boolean;
  trainedAt: string;
  validationNdcg: string;
  size: string;
  /** Why it failed, or why a ready version was not made live. */
  note: string | null;
}

/** Every version, newest first; ready ones can be made live again when the user may change settings. */
export function VersionsTable({
  slug,
  versions,
  canMakeLive,
}: {
  slug: string;
  versions: VersionRowView[];
  canMakeLive: boolean;
}) {
  return (
    <Table caption="Model versions">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>Status</Th>
          <Th>Trained</Th>
          <Th className="text-right">Validation NDCG@10</Th>
          <Th className="text-right">Size</Th>
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
          // The id is this workspace's own; e2e/isolation.spec.ts reads it to probe another workspace.
          <tr key={v.id} data-version-id={v.id}>
            <Td className="font-medium text-slate-900">{v.version}</Td>
            <Td>
              <span className="inline-flex gap-1.5">
                <Badge color={STATUS_COLOR[v.status]}>{STATUS_LABEL[v.status]}</Badge>
                {v.live ? <Badge color="green">Live</Badge> : null}
              </span>
            </Td>
            <Td>{v.trainedAt}</Td>
            <Td className="text-right tabular-nums">{v.validationNdcg}</Td>
            <Td className="text-right tabular-nums">{v.size}</Td>
            <Td className="min-w-48 whitespace-normal text-slate-600">{v.note ?? ''}</Td>
            {canMakeLive ? (
              <Td className="text-right">
                {v.status === 'ready' && !v.live ? (
                  <MakeLiveButton slug={slug} id={v.id} version={v.version} />
                ) : null}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
