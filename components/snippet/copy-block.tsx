'use client';

import { useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';

/**
 * A labelled code block with a Copy button. The result is announced in a live region; when the
 * clipboard is unavailable the code is selected so it can be copied by hand.
 */
export function CopyBlock({
  label,
  code,
  description,
}: {
  label: string;
  code: string;
  description?: string;
}) {
  const id = useId();
  const preRef = useRef<HTMLPreElement>(null);
  const [outcome, setOutcome] = useState<{ for: string; ok: boolean } | null>(null);
  const status = outcome?.for === code ? outcome : null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setOutcome({ for: code, ok: true });
    } catch {
      const pre = preRef.current;
      const selection = window.getSelection();
      if (pre && selection) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setOutcome({ for: code, ok: false });
    }
  }

  return (
    <div className="space-y-1.5">
      <div className="flex items-end justify-between gap-3">
        <div>
          <h3 id={`${id}-label`} className="text-sm font-medium text-slate-800">
            {label}
          </h3>
          {description ? <p className="text-xs text-slate-600">{description}</p> : null}
        </div>
        <button
          type="button"
          onClick={copy}
          aria-describedby={`${id}-label`}
          className={buttonClass('secondary', 'shrink-0')}
        >
          Copy
        </button>
      </div>
      <section
        aria-labelledby={`${id}-label`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
        tabIndex={0}
        className="overflow-x-auto rounded-md bg-slate-900"
      >
        <pre ref={preRef} className="p-3 text-xs leading-relaxed text-slate-100">
          <code>{code}</code>
        </pre>
      </section>
      <p
        role="status"
        aria-live="polite"
        className={`min-h-4 text-xs font-medium ${status && !status.ok ? 'text-amber-800' : 'text-emerald-700'}`}
      >
        {status
          ? status.ok
            ? `${label}: copied to the clipboard.`
            : 'Could not copy: the text is selected, press Ctrl+C (⌘C).'
          : ''}
      </p>
    </div>
  );
}
