'use client';

import { ConfirmForm } from '@/components/ui/confirm-form';
import { makePredictionLiveAction } from '@/lib/predict/actions';

/** "Make live" for a ready prediction version, behind a confirmation: lists and segments switch at once. */
export function MakePredictionLiveButton({
  slug,
  id,
  version,
  kindTitle,
}: {
  slug: string;
  id: string;
  version: number;
  /** "Churn risk" */
  kindTitle: string;
}) {
  return (
    <ConfirmForm
      action={makePredictionLiveAction}
      fields={{ tenant: slug, id }}
      label="Make live"
      accessibleLabel={`Make ${kindTitle.toLowerCase()} version ${version} live`}
      question={`Score shoppers with ${kindTitle.toLowerCase()} version ${version} from now on?`}
      confirmLabel="Make live"
      pendingText="Switching…"
    />
  );
}
