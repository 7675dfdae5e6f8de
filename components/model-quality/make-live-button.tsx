'use client';

import { ConfirmForm } from '@/components/ui/confirm-form';
import { makeModelLiveAction } from '@/lib/recommend/actions';

/** "Make live" for a ready version, behind a confirmation: the storefront switches at once. */
export function MakeLiveButton({ slug, id, version }: { slug: string; id: string; version: number }) {
  return (
    <ConfirmForm
      action={makeModelLiveAction}
      fields={{ tenant: slug, id }}
      label="Make live"
      accessibleLabel={`Make version ${version} live`}
      question={`Serve recommendations from version ${version} from now on?`}
      confirmLabel="Make live"
      pendingText="Switching…"
    />
  );
}
