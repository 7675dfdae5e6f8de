import Link from 'next/link';
import { KIND_TITLE } from '@/components/predictions/present';
import { TrainPredictionsButton } from '@/components/predictions/train-button';
import { getDb } from '@/db/client';
import { listDriftAlerts } from '@/lib/predict/drift/service';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { DismissDriftButton } from './drift-buttons';
import { formatPsi } from './present';

const TONE = {
  moderate: 'border-amber-300 bg-amber-50 text-amber-950',
  major: 'border-red-300 bg-red-50 text-red-950',
} as const;

/**
 * Warning banners for live models whose newest drift check found a moderate or major shift and
 * was not dismissed: what moved most, a link to the model card, and retrain / dismiss buttons for
 * the roles allowed to. Renders nothing when every live model is stable (or never checked).
 */
export async function DriftAlert({ slug, ctx }: { slug: string; ctx: TenantContext }) {
  if (!hasPermission(ctx, 'data.read')) return null;
  const alerts = await listDriftAlerts(await getDb(), ctx);
  if (alerts.length === 0) return null;
  const canRun = hasPermission(ctx, 'jobs.run');
  const canDismiss = hasPermission(ctx, 'settings.update');
  return (
    <div className="mb-6 space-y-3">
      {alerts.map((a) => (
        <section
          key={a.driftId}
          aria-label={`${KIND_TITLE[a.kind]} drift alert`}
          data-drift={a.status}
          className={`flex flex-wrap items-start justify-between gap-3 rounded-lg border px-4 py-3 text-sm ${TONE[a.status]}`}
        >
          <div className="max-w-3xl">
            <p>
              <strong>{KIND_TITLE[a.kind]} model</strong>: the shoppers scored today differ from the ones it
              was trained on —{' '}
              {a.top ? `${a.top.label} PSI ${formatPsi(a.top.psi)}` : `scores PSI ${formatPsi(a.scorePsi)}`}.
              Retrain or review.
            </p>
            <p className="mt-1">
              <Link href={`/${slug}/model-cards/${a.modelId}`} className="font-medium underline">
                Open the model card (version {a.version})
              </Link>
            </p>
          </div>
          <div className="flex flex-wrap items-start gap-2">
            {canRun ? <TrainPredictionsButton slug={slug} label="Retrain" /> : null}
            {canDismiss ? <DismissDriftButton slug={slug} id={a.driftId} /> : null}
          </div>
        </section>
      ))}
    </div>
  );
}
