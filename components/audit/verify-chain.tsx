'use client';

import { Badge } from '@/components/ui/card';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { verifyAuditChainAction } from '@/lib/audit/actions';
import { formatNumber } from '@/lib/format';

/**
 * "Verify chain": recomputes every entry's hash on the server and shows the verdict, the number
 * of entries, the head hash (what an auditor writes down) and how long it took.
 */
export function VerifyChain({ slug }: { slug: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(verifyAuditChainAction);
  return (
    <div className="flex flex-col items-end gap-2">
      <form ref={formRef} onSubmit={onSubmit}>
        <input type="hidden" name="tenant" value={slug} />
        <PendingButton pending={pending} variant="secondary" pendingText="Verifying…">
          Verify chain
        </PendingButton>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <div
          role="status"
          data-testid="chain-result"
          className="max-w-md space-y-1 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700 ring-1 ring-slate-200"
        >
          <p className="flex items-center gap-2">
            {state.data.ok ? <Badge color="green">Intact</Badge> : <Badge color="red">Broken</Badge>}
            <span>
              {formatNumber(state.data.entries)} entries checked in {formatNumber(state.data.durationMs)} ms
            </span>
          </p>
          {state.data.reason ? <p className="text-red-800">{state.data.reason}</p> : null}
          <p className="break-all font-mono" title="The hash of the last verified entry">
            Head: {state.data.head || '(empty log)'}
          </p>
        </div>
      ) : null}
    </div>
  );
}
