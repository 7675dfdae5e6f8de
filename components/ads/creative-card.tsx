'use client';

import { startTransition, useActionState, useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import {
  approveCreativeAction,
  editCreativeAction,
  pauseCreativeAction,
  rejectCreativeAction,
  resumeCreativeAction,
} from '@/lib/ads/actions';
import type { CreativeView } from '@/lib/ads/views';
import { ActionButton } from './action-button';
import { RefusedEdit, CreativeEditForm } from './creative-edit-form';
import { DroppedCandidates, GuardrailResults } from './guardrail-results';
import { CreativePreview } from './preview/creative-preview';
import { CHANNEL_LABELS, CREATIVE_STATUS } from './present';

/**
 * One creative in the gallery: the channel-styled preview, its status and guardrail results, the
 * slot's dropped candidates on demand, and the review buttons (approve only when every check
 * passed). Edit opens an inline form; the edit is re-checked before it is saved.
 */
export function CreativeCard({
  slug,
  creative,
  index,
  brandName,
  canWrite,
}: {
  slug: string;
  creative: CreativeView;
  /** Position in the gallery, for names like "Creative 3". */
  index: number;
  brandName: string | null;
  canWrite: boolean;
}) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [state, dispatch, pending] = useActionState(editCreativeAction, null);
  const refused = state?.ok && !state.data.ok ? state.data.failed : null;
  useEffect(() => {
    if (state?.ok && state.data.ok) setEditing(false);
  }, [state]);
  const status = CREATIVE_STATUS[creative.status];
  const name = `Creative ${index}`;
  const fields = { tenant: slug, id: creative.id };

  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200"
      data-testid="creative"
      data-creative-id={creative.id}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h5 id={headingId} className="text-sm font-semibold text-slate-900">
          {name} · {CHANNEL_LABELS[creative.channel]}
        </h5>
        <span className="flex items-center gap-1.5">
          {creative.edited ? <Badge color="gray">Edited</Badge> : null}
          <Badge color={status.tone}>{status.text}</Badge>
        </span>
      </header>
      <CreativePreview
        channel={creative.channel}
        fields={creative.fields}
        brandName={brandName}
        url={null}
        imageUrl={null}
      />
      {creative.pausedReason ? <p className="text-xs text-amber-800">{creative.pausedReason}</p> : null}
      {creative.productTitles.length ? (
        <p className="text-xs text-slate-600">About: {creative.productTitles.join(', ')}</p>
      ) : null}
      <GuardrailResults checks={creative.checks} title={`${name} checks`} />
      <p className="text-xs text-slate-600">
        {creative.generation.provider === 'template' ? 'Template engine' : creative.generation.model}
        {creative.generation.attempt > 1 ? ` · passed on attempt ${creative.generation.attempt}` : ''}
      </p>
      <DroppedCandidates dropped={creative.generation.dropped} />
      {refused ? <RefusedEdit failed={refused} /> : null}
      {editing ? (
        <CreativeEditForm
          slug={slug}
          id={creative.id}
          channel={creative.channel}
          fields={creative.fields}
          pending={pending}
          state={state}
          onSubmit={(data) => startTransition(() => dispatch(data))}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {canWrite ? (
        <div className="flex flex-wrap items-start gap-2">
          {creative.status === 'candidate' || creative.status === 'rejected' ? (
            creative.passed ? (
              <ActionButton
                action={approveCreativeAction}
                fields={fields}
                variant="primary"
                accessibleLabel={`Approve ${name}`}
              >
                Approve
              </ActionButton>
            ) : null
          ) : null}
          {creative.status === 'candidate' || creative.status === 'approved' ? (
            <ActionButton action={rejectCreativeAction} fields={fields} accessibleLabel={`Reject ${name}`}>
              Reject
            </ActionButton>
          ) : null}
          {creative.status === 'approved' ? (
            <ActionButton action={pauseCreativeAction} fields={fields} accessibleLabel={`Pause ${name}`}>
              Pause
            </ActionButton>
          ) : null}
          {creative.status === 'paused' ? (
            <ActionButton action={resumeCreativeAction} fields={fields} accessibleLabel={`Resume ${name}`}>
              Resume
            </ActionButton>
          ) : null}
          {!editing ? (
            <Button
              variant="ghost"
              className="px-2.5 py-1.5 text-xs"
              onClick={() => setEditing(true)}
              aria-label={`Edit ${name}`}
            >
              Edit
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
