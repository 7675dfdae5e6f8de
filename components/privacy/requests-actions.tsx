'use client';

import { useRouter } from 'next/navigation';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import type { PrivacyRequestKind, PrivacyRequestStatus } from '@/db/schema';
import {
  completePrivacyRequestAction,
  rejectPrivacyRequestAction,
  startPrivacyRequestAction,
  verifyPrivacyRequestAction,
} from '@/lib/privacy/requests/actions';
import { METHOD_LABELS } from './requests-present';

const COMPLETE_LABEL: Record<PrivacyRequestKind, string> = {
  access: 'Generate export and complete',
  erasure: 'Erase and complete',
  rectification: 'Apply corrections and complete',
  opt_out: 'Record opt-out and complete',
};

type Action = typeof verifyPrivacyRequestAction;

function StepForm({
  slug,
  id,
  action,
  label,
  pendingText,
  variant = 'primary',
  children,
}: {
  slug: string;
  id: string;
  action: Action;
  label: string;
  pendingText: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useActionForm(action, () => router.refresh());
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="id" value={id} />
      {children ? <FieldErrorsContext errors={failed?.fieldErrors}>{children}</FieldErrorsContext> : null}
      <PendingButton pending={pending} pendingText={pendingText} variant={variant}>
        {label}
      </PendingButton>
      <InlineResult state={state} />
    </form>
  );
}

/** Field errors are shown under the whole form (the step forms have one or two fields). */
function FieldErrorsContext({
  errors,
  children,
}: {
  errors?: Record<string, string[]>;
  children: React.ReactNode;
}) {
  const messages = errors ? Object.values(errors).flat() : [];
  return (
    <>
      {children}
      {messages.length ? (
        <p role="alert" className="text-xs text-red-700">
          {messages.join(' ')}
        </p>
      ) : null}
    </>
  );
}

/** The next steps of a request, by status: verify, start, complete (processing), reject. */
export function RequestActions({
  slug,
  id,
  kind,
  status,
}: {
  slug: string;
  id: string;
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
}) {
  if (status === 'completed' || status === 'rejected') return null;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {status === 'received' ? (
        <StepForm
          slug={slug}
          id={id}
          action={verifyPrivacyRequestAction}
          label="Mark identity verified"
          pendingText="Saving…"
        >
          <Field id="dsr-method" label="How was the identity verified?">
            <SelectInput id="dsr-method" name="method" defaultValue="email_link">
              {['email_link', 'order_match', 'account_login', 'manual'].map((m) => (
                <option key={m} value={m}>
                  {METHOD_LABELS[m]}
                </option>
              ))}
            </SelectInput>
          </Field>
          <Field id="dsr-verify-note" label="Note (optional)">
            <TextInput id="dsr-verify-note" name="note" maxLength={1000} />
          </Field>
        </StepForm>
      ) : (
        <div className="space-y-3">
          {status === 'verified' ? (
            <StepForm
              slug={slug}
              id={id}
              action={startPrivacyRequestAction}
              label="Start work"
              pendingText="Saving…"
              variant="secondary"
            />
          ) : null}
          <StepForm
            slug={slug}
            id={id}
            action={completePrivacyRequestAction}
            label={COMPLETE_LABEL[kind]}
            pendingText="Processing…"
            variant={kind === 'erasure' ? 'danger' : 'primary'}
          />
          {kind === 'erasure' ? (
            <p className="text-xs text-slate-600">
              Removes the shopper from every table, cache and model training set. It cannot be undone.
            </p>
          ) : null}
        </div>
      )}
      <StepForm
        slug={slug}
        id={id}
        action={rejectPrivacyRequestAction}
        label="Reject request"
        pendingText="Saving…"
        variant="secondary"
      >
        <Field id="dsr-reason" label="Reason for rejecting">
          <TextInput id="dsr-reason" name="reason" maxLength={1000} />
        </Field>
      </StepForm>
    </div>
  );
}
