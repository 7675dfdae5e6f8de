/**
 * t.js, the loader (< 1 KB): defines the queue stub, reads its own data-* attributes, marks
 * `tailor:start` and appends the main bundle from its own origin. Nothing else.
 */
import { MAIN_PATH } from './constants';

/** Replaced at build time by a hash of the main bundle (the `?v=` cache buster). */
declare const __TAILOR_BUILD__: string;

interface Stub {
  (...args: unknown[]): void;
  q?: unknown[][];
  o?: { k: string; a: string; c: boolean };
}
const w = window as unknown as { tailor?: Stub };
const t: Stub =
  w.tailor ||
  function stub(...args: unknown[]) {
    t.q = t.q || [];
    t.q.push(args);
  };
w.tailor = t;
const s = document.currentScript as HTMLScriptElement | null;
if (s && !t.o) {
  const d = s.dataset;
  const origin = new URL(s.src, location.href).origin;
  t.o = { k: d.key || '', a: (d.api || origin).replace(/\/$/, ''), c: d.consentDefault === 'granted' };
  performance.mark?.('tailor:start');
  const m = document.createElement('script');
  m.async = true;
  m.src = `${origin}${MAIN_PATH}?v=${__TAILOR_BUILD__}`;
  (document.head || document.documentElement).appendChild(m);
}
