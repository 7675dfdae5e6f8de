'use client';

import { QueueJobButton } from '@/components/jobs/queue-job-button';
import { startTrainingAction } from '@/lib/recommend/actions';

/** Queues training now (members allowed to run jobs); an active training is returned, not doubled. */
export function TrainButton({ slug, label = 'Train now' }: { slug: string; label?: string }) {
  return (
    <QueueJobButton
      slug={slug}
      action={startTrainingAction}
      label={label}
      queued="Training queued."
      running="Training is already queued or running."
    />
  );
}
