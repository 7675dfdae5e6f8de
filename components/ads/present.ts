/**
 * Words and colours of the ads dashboard: channel, status, guardrail and locale names, and the
 * small pure helpers the gallery and reports share (grouping, percentages, intervals).
 */
import type {
  AdChannel,
  AdProvider,
  CampaignObjective,
  CampaignStatus,
  CreativeStatus,
  StoredCheck,
} from '@/db/schema/ads';
import type { BadgeTone } from '@/components/jobs/present';

export const CHANNEL_LABELS: Record<AdChannel, string> = {
  'google-rsa': 'Google search ad',
  meta: 'Meta feed post',
  email: 'Email',
  banner: 'On-site banner',
};

export const OBJECTIVE_LABELS: Record<CampaignObjective, string> = {
  sales: 'Sales',
  reengagement: 'Win back (re-engagement)',
  launch: 'Launch',
};

export const PROVIDER_LABELS: Record<AdProvider, string> = {
  template: 'Template engine (offline)',
  openai: 'OpenAI-compatible endpoint',
  local: 'Local model (Transformers.js)',
};

export const CAMPAIGN_STATUS: Record<CampaignStatus, { text: string; tone: BadgeTone }> = {
  draft: { text: 'Draft', tone: 'gray' },
  active: { text: 'Active', tone: 'green' },
  paused: { text: 'Paused', tone: 'amber' },
  ended: { text: 'Ended', tone: 'gray' },
};

export const CREATIVE_STATUS: Record<CreativeStatus, { text: string; tone: BadgeTone }> = {
  candidate: { text: 'Awaiting review', tone: 'blue' },
  approved: { text: 'Approved', tone: 'green' },
  rejected: { text: 'Rejected', tone: 'red' },
  paused: { text: 'Paused', tone: 'amber' },
};

/** Guardrail ids → what they check, in a merchant's words. */
export const CHECK_LABELS: Record<string, string> = {
  fields: 'All fields present',
  length: 'Within the channel’s length limits',
  language: 'Written in the campaign language',
  catalog_facts: 'Prices, discounts and names match the catalog',
  personal_data: 'No personal data',
  banned_words: 'No banned words',
  required_terms: 'Required terms present',
  duplicate: 'Not a duplicate',
};

export function checkLabel(id: string): string {
  return CHECK_LABELS[id] ?? id;
}

const LOCALE_NAMES: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
  ja: 'Japanese',
  zh: 'Chinese',
  ko: 'Korean',
};

/** "German (de)"; an unknown code shows as itself. */
export function localeLabel(code: string): string {
  const name = LOCALE_NAMES[code];
  return name ? `${name} (${code})` : code;
}

/** Field keys of the channels → labels (the channel spec in lib/ads/channels.ts has the limits). */
export const FIELD_LABELS: Record<string, string> = {
  headlines: 'Headlines',
  descriptions: 'Descriptions',
  primaryText: 'Primary text',
  headline: 'Headline',
  subject: 'Subject',
  preheader: 'Preheader',
  cta: 'Call to action',
};

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

/** Failures first (they need attention), then passes; each group keeps the guardrails' order. */
export function splitChecks(checks: readonly StoredCheck[]): {
  failed: StoredCheck[];
  passed: StoredCheck[];
} {
  return { failed: checks.filter((c) => !c.passed), passed: checks.filter((c) => c.passed) };
}

/** "4.2 %" for a 0..1 rate; "—" when unknown. Digits grow for small rates so they stay visible. */
export function formatRate(rate: number | null | undefined, digits?: number): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const pct = rate * 100;
  const d = digits ?? (Math.abs(pct) < 1 && pct !== 0 ? 2 : 1);
  return `${pct.toFixed(d)} %`;
}

/** "+12.0 %" / "−3.4 %" for a relative lift (0.12 → +12.0 %). */
export function formatLift(lift: number | null | undefined): string {
  if (lift === null || lift === undefined || !Number.isFinite(lift)) return '—';
  const pct = (lift * 100).toFixed(1);
  return lift > 0 ? `+${pct} %` : lift < 0 ? `−${pct.slice(1)} %` : '0.0 %';
}

export interface GroupKey {
  segmentId: string | null;
  locale: string;
}

/**
 * Groups creatives by segment, then locale, keeping the order segments and locales first appear
 * in (the service sorts them). Used by the gallery.
 */
export function groupCreatives<T extends GroupKey>(
  items: readonly T[],
): { segmentId: string | null; locales: { locale: string; items: T[] }[] }[] {
  const segments = new Map<string, { segmentId: string | null; locales: Map<string, T[]> }>();
  for (const item of items) {
    const key = item.segmentId ?? '';
    let seg = segments.get(key);
    if (!seg) {
      seg = { segmentId: item.segmentId, locales: new Map() };
      segments.set(key, seg);
    }
    const list = seg.locales.get(item.locale);
    if (list) list.push(item);
    else seg.locales.set(item.locale, [item]);
  }
  return [...segments.values()].map((s) => ({
    segmentId: s.segmentId,
    locales: [...s.locales.entries()].map(([locale, list]) => ({ locale, items: list })),
  }));
}

/** Splits a textarea of words (one per line or comma-separated) into trimmed, distinct entries. */
export function parseWordList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const w = raw.trim();
    if (w && !out.some((o) => o.toLocaleLowerCase() === w.toLocaleLowerCase())) out.push(w);
  }
  return out;
}

/** The host and first path segment of a URL as a search ad shows it ("shop.example/shirts"). */
export function displayUrl(url: string | null | undefined, fallback = 'your-store.example'): string {
  if (!url) return fallback;
  try {
    const u = new URL(url);
    const first = u.pathname.split('/').filter(Boolean)[0];
    return `${u.host.replace(/^www\./, '')}${first ? `/${first}` : ''}`;
  } catch {
    return fallback;
  }
}

/** Integer percentages that sum to exactly 100 over `n` channels (the first ones take the remainder). */
export function evenSplit(n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}

/**
 * A payload as form data the way the ads schemas read it: lists as repeated fields, objects as
 * JSON, null/undefined left out (blank = not set).
 */
export function toFormData(payload: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) data.append(key, String(v));
    else if (typeof value === 'object') data.append(key, JSON.stringify(value));
    else data.append(key, String(value));
  }
  return data;
}
