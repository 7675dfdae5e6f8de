'use client';

import { useState } from 'react';
import { SelectInput } from '@/components/ui/field';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { AD_CHANNELS, type AdChannel } from '@/db/schema/ads';
import { testGeneratorAction } from '@/lib/ads/actions';
import { AD_LOCALES } from '@/lib/ads/types';
import { CreativePreview } from './preview/creative-preview';
import { CHANNEL_LABELS, localeLabel } from './present';
import { FieldsSummary, GuardrailResults } from './guardrail-results';

/**
 * "Test provider": generates one sample with the saved settings and shows it with its checks
 * (or the provider's error), so a merchant sees what the chosen provider writes before a run.
 */
export function TestProvider({ slug, brandName }: { slug: string; brandName: string | null }) {
  const [channel, setChannel] = useState<AdChannel>('google-rsa');
  // The preview shows the sample in the channel it was asked for, not the one selected since.
  const [asked, setAsked] = useState<AdChannel>('google-rsa');
  const { state, pending, onSubmit, formRef } = useActionForm(testGeneratorAction);
  const result = state?.ok ? state.data : null;
  const accepted = result?.accepted[0];
  const rejected = result?.rejected[0];
  return (
    <div className="space-y-3">
      <form
        ref={formRef}
        onSubmit={(e) => {
          setAsked(channel);
          onSubmit(e);
        }}
        className="space-y-3"
      >
        <input type="hidden" name="tenant" value={slug} />
        <div className="grid grid-cols-2 gap-3">
          <div className="space-y-1">
            <label htmlFor="tp-locale" className="block text-xs font-medium text-slate-700">
              Language
            </label>
            <SelectInput id="tp-locale" name="locale" defaultValue="en">
              {AD_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {localeLabel(l)}
                </option>
              ))}
            </SelectInput>
          </div>
          <div className="space-y-1">
            <label htmlFor="tp-channel" className="block text-xs font-medium text-slate-700">
              Channel
            </label>
            <SelectInput
              id="tp-channel"
              name="channel"
              value={channel}
              onChange={(e) =>
                setChannel(AD_CHANNELS.find((c) => c === e.currentTarget.value) ?? 'google-rsa')
              }
            >
              {AD_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </SelectInput>
          </div>
        </div>
        <PendingButton pending={pending} variant="secondary" pendingText="Generating a sample…">
          Test provider
        </PendingButton>
        <InlineResult state={state && !state.ok ? state : null} />
      </form>
      <div aria-live="polite" data-testid="provider-sample">
        {result ? (
          accepted ? (
            <div className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
              <p className="text-sm font-medium text-emerald-800">The sample passed every check.</p>
              <CreativePreview
                channel={asked}
                fields={accepted.candidate.fields}
                brandName={brandName}
                url={null}
                imageUrl={null}
              />
              <FieldsSummary fields={accepted.candidate.fields} />
              <GuardrailResults checks={accepted.checks} title="Sample checks" />
            </div>
          ) : rejected ? (
            <div className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
              <p className="text-sm font-medium text-red-800">
                The sample failed a check; it would not be shipped.
              </p>
              <FieldsSummary fields={rejected.candidate.fields} />
              <GuardrailResults checks={rejected.failed} title="Sample checks" />
            </div>
          ) : (
            <p className="text-sm text-red-800">
              The provider returned nothing{result.errors[0] ? `: ${result.errors[0].message}` : '.'}
            </p>
          )
        ) : null}
        {result && result.errors.length > 0 && (accepted || rejected) ? (
          <p className="mt-2 text-xs text-amber-800">{result.errors.map((e) => e.message).join(' ')}</p>
        ) : null}
      </div>
    </div>
  );
}
