'use client';

import { QueueJobButton } from '@/components/jobs/queue-job-button';
import { runRecommendationFairnessAction } from '@/lib/fairness/actions';

/** Queues the recommendation fairness report; one already queued or running is returned, not doubled. */
export function RunReportButton({ slug, label = 'Run report' }: { slug: string; label?: string }) {
  return (
    <QueueJobButton
      slug={slug}
      action={runRecommendationFairnessAction}
      label={label}
      queued="Report queued."
      running="A report is already queued or running."
    />
  );
}
