'use client';

import { useRouter } from 'next/navigation';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { deleteSegmentAction } from '@/lib/segments/actions';

/** Delete in two steps (Escape or Cancel backs out); back to the list once deleted. */
export function DeleteSegment({ slug, id, name }: { slug: string; id: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmForm
      action={deleteSegmentAction}
      fields={{ tenant: slug, id }}
      label="Delete"
      accessibleLabel={`Delete ${name}`}
      question="Delete this segment and its size history?"
      confirmLabel="Delete"
      pendingText="Deleting…"
      triggerSize="md"
      onSuccess={() => router.push(`/${slug}/segments`)}
    />
  );
}
