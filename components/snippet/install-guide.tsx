'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { inputClass } from '@/components/ui/field';
import { CopyBlock } from './copy-block';

export interface PublishableKey {
  id: string;
  name: string;
  /** Shown prefix, e.g. `pk_a1B2c3d…`. */
  prefix: string;
  allowedOrigins: string[];
}

export interface InstallTexts {
  /** The loader tag with `placeholder` where the key goes. */
  scriptTag: string;
  /** The ads bundle's tag (same placeholder) and an ad slot marker. */
  ads: { scriptTag: string; slot: string };
  placeholder: string;
  markers: { placement: string; name: string; html: string; note: string }[];
  jsApi: string;
  csp: string[];
  cspWithStub: string[];
  stubTag: string;
  stubHash: string;
}

const KEY_SHAPE = /^pk_[A-Za-z0-9_-]{32}$/;

/**
 * The install steps with the merchant's key filled in. Only a key's prefix is stored, so the
 * full key is pasted here (it never leaves the browser) to complete the tag.
 */
export function InstallGuide({
  slug,
  keys,
  texts,
}: {
  slug: string;
  keys: PublishableKey[];
  texts: InstallTexts;
}) {
  const id = useId();
  const [selected, setSelected] = useState(keys[0]?.id ?? '');
  const [pasted, setPasted] = useState('');
  const key = keys.find((k) => k.id === selected) ?? keys[0];
  const stem = key?.prefix.replace(/…$/, '') ?? '';
  const typed = pasted.trim();
  const valid = KEY_SHAPE.test(typed) && typed.startsWith(stem);
  const problem =
    typed === ''
      ? null
      : !KEY_SHAPE.test(typed)
        ? 'A publishable key is pk_ followed by 32 letters, digits, dashes or underscores.'
        : !typed.startsWith(stem)
          ? `This is not the key “${key?.name}” (its key starts with ${stem}).`
          : null;
  const fill = (s: string) => (valid ? s.replaceAll(texts.placeholder, typed) : s);

  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-key`} className="block text-sm font-medium text-slate-800">
            Publishable key
          </label>
          <select
            id={`${id}-key`}
            value={selected}
            onChange={(e) => setSelected(e.currentTarget.value)}
            aria-describedby={`${id}-origins`}
            className={inputClass}
          >
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name} ({k.prefix})
              </option>
            ))}
          </select>
          <p id={`${id}-origins`} className="text-xs text-slate-600">
            Works from:{' '}
            {key?.allowedOrigins.length
              ? key.allowedOrigins.join(', ')
              : 'no origin yet: add your shop’s origin'}
            .{' '}
            <Link href={`/${slug}/api-keys`} className="underline">
              Manage keys
            </Link>
          </p>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-full`} className="block text-sm font-medium text-slate-800">
            Paste the full key (optional)
          </label>
          <input
            id={`${id}-full`}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder={`${stem}…`}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-full-hint${problem ? ` ${id}-full-error` : ''}`}
            className={`${inputClass} font-mono`}
          />
          <p id={`${id}-full-hint`} className="text-xs text-slate-600">
            Only the prefix is stored, so paste the key you copied when you created it to fill it in below. It
            stays in your browser.
          </p>
          {problem ? (
            <p id={`${id}-full-error`} role="alert" className="text-xs text-red-700">
              {problem}
            </p>
          ) : null}
        </div>
      </div>

      <CopyBlock
        label="1. Script tag"
        description="Put it in the <head> of every page of your shop."
        code={fill(texts.scriptTag)}
      />

      <section aria-labelledby={`${id}-markers`} className="space-y-3">
        <h3 id={`${id}-markers`} className="text-sm font-semibold text-slate-900">
          2. Widget markers
        </h3>
        {texts.markers.length === 0 ? (
          <p className="text-sm text-slate-600">
            No active placements: create or resume one under Placements to get its marker.
          </p>
        ) : (
          texts.markers.map((m) => (
            <CopyBlock key={m.placement} label={m.name} description={m.note} code={m.html} />
          ))
        )}
      </section>

      <CopyBlock
        label="3. JavaScript API"
        description="Track cart changes, orders and searches; pass your consent banner’s answer."
        code={texts.jsApi}
      />

      <CopyBlock
        label="4. Content-Security-Policy"
        description="Add these sources to your existing directives if your shop sends a CSP."
        code={texts.csp.join(';\n')}
      />

      <details className="rounded-lg p-4 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Optional: on-site ad banners (Ads → Campaigns)
        </summary>
        <div className="mt-4 space-y-4">
          <CopyBlock
            label="Ads script tag"
            description="Only for shops that show banners of an ad campaign; it loads nothing else."
            code={fill(texts.ads.scriptTag)}
          />
          <CopyBlock
            label="Ad slot"
            description="Where a banner goes. Use the placement key of a campaign with the banner channel; only approved creatives of an active campaign show."
            code={texts.ads.slot}
          />
        </div>
      </details>

      <details className="rounded-lg p-4 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Optional: call tailor() before the script has loaded
        </summary>
        <div className="mt-4 space-y-4">
          <CopyBlock
            label="Inline stub"
            description="Place it before the script tag. Commands wait in a queue until the snippet loads."
            code={texts.stubTag}
          />
          <CopyBlock
            label="CSP with the stub’s hash"
            description={`The stub is allowed under a strict CSP by its hash ${texts.stubHash}.`}
            code={texts.cspWithStub.join(';\n')}
          />
        </div>
      </details>
    </div>
  );
}
