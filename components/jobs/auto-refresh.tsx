'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Re-renders the page from the server every few seconds while jobs are queued or running,
 * and stops once none are (or while the tab is hidden).
 */
export function AutoRefresh({ active, intervalMs = 3_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  if (!active) return null;
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500">
      <span aria-hidden="true" className="inline-block size-2 animate-pulse rounded-full bg-brand-500" />
      Updating every {Math.round(intervalMs / 1000)} s while jobs run
    </p>
  );
}
