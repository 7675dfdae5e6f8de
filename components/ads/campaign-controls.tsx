'use client';

import { useRouter } from 'next/navigation';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { CampaignStatus } from '@/db/schema/ads';
import { deleteCampaignAction, setCampaignStatusAction } from '@/lib/ads/actions';
import { ActionButton } from './action-button';

/** The status moves a campaign can make from where it is (only an active campaign serves banners). */
const MOVES: Record<CampaignStatus, { to: CampaignStatus; label: string }[]> = {
  draft: [{ to: 'active', label: 'Activate' }],
  active: [
    { to: 'paused', label: 'Pause campaign' },
    { to: 'ended', label: 'End campaign' },
  ],
  paused: [
    { to: 'active', label: 'Resume campaign' },
    { to: 'ended', label: 'End campaign' },
  ],
  ended: [{ to: 'active', label: 'Reactivate' }],
};

/** Status buttons of a campaign and its two-step delete (Escape or Cancel backs out). */
export function CampaignControls({
  slug,
  id,
  name,
  status,
}: {
  slug: string;
  id: string;
  name: string;
  status: CampaignStatus;
}) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {MOVES[status].map((m) => (
        <ActionButton
          key={m.to}
          action={setCampaignStatusAction}
          fields={{ tenant: slug, id, status: m.to }}
          variant={m.to === 'active' ? 'primary' : 'secondary'}
          size="md"
        >
          {m.label}
        </ActionButton>
      ))}
      <DeleteCampaign slug={slug} id={id} name={name} />
    </div>
  );
}

function DeleteCampaign({ slug, id, name }: { slug: string; id: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmForm
      action={deleteCampaignAction}
      fields={{ tenant: slug, id }}
      label="Delete"
      accessibleLabel={`Delete ${name}`}
      question="Delete the campaign with its creatives, counters and experiments?"
      confirmLabel="Delete campaign"
      pendingText="Deleting…"
      triggerSize="md"
      onSuccess={() => router.push(`/${slug}/ads`)}
    />
  );
}
