'use client';

import { useEffect, useState } from 'react';

export type LiveSize =
  | { status: 'idle' | 'loading' }
  | { status: 'ok'; size: number }
  | { status: 'error'; message: string };

/**
 * The member count of draft rules, asked from `POST /<slug>/segments/count` 400 ms after the
 * last change (earlier requests are aborted, so an old answer never overwrites a newer one).
 */
export function useLiveSize(slug: string, rulesJson: string): LiveSize {
  const [state, setState] = useState<LiveSize>({ status: 'idle' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/${slug}/segments/count`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ rules: JSON.parse(rulesJson) }),
          signal: controller.signal,
        });
        const body = (await res.json()) as { size?: number; error?: { message?: string } };
        if (res.ok && typeof body.size === 'number') setState({ status: 'ok', size: body.size });
        else setState({ status: 'error', message: body.error?.message ?? 'Could not count the shoppers.' });
      } catch (error) {
        if (!controller.signal.aborted)
          setState({ status: 'error', message: 'Could not count the shoppers. Check your connection.' });
        void error;
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, rulesJson]);
  return state;
}
