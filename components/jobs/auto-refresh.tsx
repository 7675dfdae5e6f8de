'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

/** After a click on a link, no refresh for this long: the navigation it started must not be superseded. */
const NAVIGATION_GRACE_MS = 5_000;

/**
 * Re-renders the page from the server every few seconds while jobs are queued or running,
 * and stops once none are (or while the tab is hidden). A refresh is skipped while the previous
 * one is still rendering and for a few seconds after the reader clicks a link: a refresh issued
 * during a navigation replaces it, and the click would look ignored.
 */
export function AutoRefresh({ active, intervalMs = 3_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const refreshingRef = useRef(refreshing);
  refreshingRef.current = refreshing;
  const clickedAt = useRef(0);
  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) clickedAt.current = Date.now();
    };
    document.addEventListener('click', onClick, true);
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || refreshingRef.current) return;
      if (Date.now() - clickedAt.current < NAVIGATION_GRACE_MS) return;
      startTransition(() => router.refresh());
    }, intervalMs);
    return () => {
      clearInterval(timer);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, intervalMs, router]);
  if (!active) return null;
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500">
      <span aria-hidden="true" className="inline-block size-2 animate-pulse rounded-full bg-brand-500" />
      Updating every {Math.round(intervalMs / 1000)} s while jobs run
    </p>
  );
}
