'use client';

import { QueueJobButton } from '@/components/jobs/queue-job-button';
import { trainPredictionsAction } from '@/lib/predict/actions';

/**
 * "Train predictions" (members allowed to run jobs): queues one job that trains, evaluates and
 * scores every kind; an active one is returned, not doubled.
 */
export function TrainPredictionsButton({
  slug,
  label = 'Train predictions',
}: {
  slug: string;
  label?: string;
}) {
  return (
    <QueueJobButton
      slug={slug}
      action={trainPredictionsAction}
      label={label}
      queued="Training queued."
      running="Training is already queued or running."
    />
  );
}
