'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';

/** The file name of a Content-Disposition header, or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Downloads a campaign export. Fetched rather than linked so a refusal (a creative that would
 * break the format, named by the server) shows here as a message instead of a file of JSON.
 */
export function ExportButton({
  href,
  label,
  fallbackName,
}: {
  href: string;
  label: string;
  fallbackName: string;
}) {
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'error'; message: string }>({
    status: 'idle',
  });
  async function download() {
    setState({ status: 'busy' });
    try {
      const res = await fetch(href, { headers: { accept: 'text/csv' } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({
          status: 'error',
          message: body?.error?.message ?? 'The export failed. Please try again.',
        });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ status: 'idle' });
    } catch {
      setState({ status: 'error', message: 'The export failed: the server could not be reached.' });
    }
  }
  return (
    <span className="inline-flex flex-col items-end">
      <button
        type="button"
        onClick={download}
        disabled={state.status === 'busy'}
        aria-disabled={state.status === 'busy'}
        className={buttonClass('secondary')}
      >
        {state.status === 'busy' ? 'Preparing…' : label}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="mt-1 max-w-72 whitespace-normal text-right text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
