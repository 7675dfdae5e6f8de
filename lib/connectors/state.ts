import { obj, str } from './json';
import { isCurrencyCode } from './money';
import { RESOURCES, type Resource, type SkipCounts, type StoreInfo } from './types';

/** What one completed run of one resource did. */
export interface RunCounts {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  reasons: SkipCounts;
}

/** A run in progress: where to resume after a crash or restart. */
export interface RunState {
  /** The filter of this run (ISO), null for a full sync. */
  since: string | null;
  startedAt: string;
  /** The cursor of the next page to read; null: the first page. */
  cursor: string | null;
  counts: RunCounts;
}

export interface ResourceState {
  /** Items updated after this instant (ISO) are fetched by the next run; null/absent: full sync. */
  since?: string | null;
  run?: RunState | null;
  /** Items from this store: set by a full run, increased by later runs' inserts. */
  items?: number;
  lastRun?: (RunCounts & { full: boolean; finishedAt: string }) | null;
}

/** `connections.sync_state`: per-resource positions plus the store facts read when connecting. */
export interface ConnectionState extends Partial<Record<Resource, ResourceState>> {
  store?: StoreInfo;
  /** When the credentials were saved (ISO): shown as "•••• saved on …". */
  credentialsSavedAt?: string;
  /** Whether a webhook secret is saved (the secret itself lives only in the credentials). */
  webhookSecretSet?: boolean;
}

/** Counts of a run that has not written anything yet. */
export const emptyCounts = (): RunCounts => ({
  received: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  reasons: {},
});

function readStore(v: unknown): StoreInfo | undefined {
  const s = obj(v);
  const name = str(s?.name);
  const locale = str(s?.locale);
  if (!s || !name || !locale || !isCurrencyCode(s.currency)) return undefined;
  return { name, currency: s.currency, locale };
}

/** Reads the stored JSON defensively: unknown shapes become an empty state (a full sync). */
export function readState(raw: unknown): ConnectionState {
  const o = obj(raw) ?? {};
  const state: ConnectionState = {};
  const store = readStore(o.store);
  if (store) state.store = store;
  const saved = str(o.credentialsSavedAt);
  if (saved) state.credentialsSavedAt = saved;
  if (typeof o.webhookSecretSet === 'boolean') state.webhookSecretSet = o.webhookSecretSet;
  for (const r of RESOURCES) {
    const rs = obj(o[r]);
    if (rs) state[r] = rs as ResourceState;
  }
  return state;
}

/** Adds a page's counts to a run's. */
export function addCounts(a: RunCounts, b: RunCounts): RunCounts {
  const reasons = { ...a.reasons };
  for (const [k, n] of Object.entries(b.reasons)) reasons[k] = (reasons[k] ?? 0) + n;
  return {
    received: a.received + b.received,
    inserted: a.inserted + b.inserted,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    skipped: a.skipped + b.skipped,
    reasons,
  };
}
