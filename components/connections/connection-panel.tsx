import { Badge } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { removeConnectionAction } from '@/lib/connectors/actions';
import type { ConnectionCard } from './present';
import { ReplaceCredentialsForm } from './replace-credentials-form';
import { SyncButton } from './sync-button';
import { WebhookSetup } from './webhook-setup';

const PRIVACY_LABELS: Record<string, string> = {
  'customers/data_request': 'Customer data request',
  'customers/redact': 'Customer erasure (email and name removed)',
  'shop/redact': 'Shop data erasure',
};

function Progress({ sync, name }: { sync: NonNullable<ConnectionCard['sync']>; name: string }) {
  return (
    <div className="space-y-1">
      {sync.percent !== null ? (
        <div
          role="progressbar"
          aria-label={`Sync of ${name}`}
          aria-valuemin={0}
          aria-valuemax={sync.total ?? 100}
          aria-valuenow={Math.min(sync.done, sync.total ?? sync.done)}
          aria-valuetext={sync.text}
          className="h-1.5 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-500" style={{ width: `${sync.percent}%` }} />
        </div>
      ) : (
        <div
          role="progressbar"
          aria-label={`Sync of ${name}`}
          className="h-1.5 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-500/60" />
        </div>
      )}
      <p className="text-xs text-slate-600">{sync.text}</p>
    </div>
  );
}

/** One connected store: status, counts, last success and error, and what can be done with it. */
export function ConnectionPanel({
  card,
  slug,
  can,
}: {
  card: ConnectionCard;
  slug: string;
  can: { manage: boolean; sync: boolean };
}) {
  const headingId = `connection-${card.id}`;
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-lg p-4 ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {card.name}
          </h3>
          <p className="text-sm text-slate-600">
            {card.platformLabel} · <span className="font-mono text-xs">{card.host}</span>
          </p>
        </div>
        <Badge color={card.state.tone}>{card.state.text}</Badge>
      </header>

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Items synced</dt>
          <dd className="text-slate-800">{card.items}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Last success</dt>
          <dd className="text-slate-800" title={card.lastSuccessTitle ?? undefined}>
            {card.lastSuccess}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Credentials</dt>
          <dd className="text-slate-800">{card.credentials}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Schedule</dt>
          <dd className="text-slate-800">Changes every hour</dd>
        </div>
      </dl>

      {card.sync ? <Progress sync={card.sync} name={card.name} /> : null}
      {card.lastError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          Last sync failed: {card.lastError}
        </p>
      ) : null}
      {card.skipped ? <p className="text-xs text-amber-900">{card.skipped}</p> : null}

      {can.sync || can.manage ? (
        <div className="flex flex-wrap items-start gap-3">
          {can.sync ? <SyncButton slug={slug} id={card.id} name={card.name} /> : null}
          {can.manage ? (
            <ConfirmForm
              action={removeConnectionAction}
              fields={{ tenant: slug, id: card.id }}
              label="Remove"
              accessibleLabel={`Remove ${card.name}`}
              question="Stop syncing this store? Data already synced stays."
              confirmLabel="Remove"
              pendingText="Removing…"
            />
          ) : null}
        </div>
      ) : null}

      {can.manage ? (
        <details className="group rounded-md bg-slate-50 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Replace credentials</summary>
          <div className="mt-3">
            <ReplaceCredentialsForm slug={slug} id={card.id} platform={card.platform} />
          </div>
        </details>
      ) : null}
      <details className="group rounded-md bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Webhooks (live updates)
        </summary>
        <div className="mt-3">
          <WebhookSetup card={card} />
        </div>
      </details>

      {card.privacyRequests.length ? (
        <section aria-labelledby={`${headingId}-privacy`} className="space-y-1">
          <h4 id={`${headingId}-privacy`} className="text-sm font-semibold text-slate-900">
            Privacy requests from Shopify
          </h4>
          <ul className="space-y-0.5 text-sm text-slate-700">
            {card.privacyRequests.map((p, i) => (
              <li key={`${p.topic}-${i}`}>
                {PRIVACY_LABELS[p.topic] ?? p.topic} · {p.received}
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-600">
            Recorded in the audit log. Data exports and full erasure arrive with the privacy center.
          </p>
        </section>
      ) : null}
    </article>
  );
}
