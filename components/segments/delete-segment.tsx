'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { InlineResult, useActionForm } from '@/components/ui/form-kit';
import { deleteSegmentAction } from '@/lib/segments/actions';

/** Delete in two steps (Escape or Cancel backs out); back to the list once deleted. */
export function DeleteSegment({ slug, id, name }: { slug: string; id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { state, pending, onSubmit, formRef } = useActionForm(deleteSegmentAction, () =>
    router.push(`/${slug}/segments`),
  );
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <button
        type="button"
        className={buttonClass('danger')}
        onClick={() => setConfirming(true)}
        aria-label={`Delete ${name}`}
      >
        Delete
      </button>
    );
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !pending) setConfirming(false);
      }}
      className="flex flex-col items-end gap-1.5"
    >
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="id" value={id} />
      <span className="text-xs text-slate-700">Delete this segment and its size history?</span>
      <span className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonClass('danger', 'px-2.5 py-1.5 text-xs')}>
          {pending ? 'Deleting…' : 'Delete'}
        </button>
        <button
          ref={cancelRef}
          type="button"
          disabled={pending}
          onClick={() => setConfirming(false)}
          className={buttonClass('ghost', 'px-2.5 py-1.5 text-xs')}
        >
          Cancel
        </button>
      </span>
      <InlineResult state={state && !state.ok ? state : null} />
    </form>
  );
}
