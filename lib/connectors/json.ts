/**
 * Loose readers for platform JSON: payloads come from outside, so every field is checked rather
 * than trusted. Each returns null (or an empty value) for anything of the wrong shape.
 */
export type Json = Record<string, unknown>;

/** A plain JSON object, else null. */
export function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

/** An array, else an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A trimmed non-empty string (numbers are accepted and stringified), else null. */
export function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t ? t : null;
}

/** An integer (also from a numeric string), else null. */
export function int(v: unknown): number | null {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
}

/**
 * A timestamp: ISO 8601 with an offset, or WooCommerce's `*_gmt` form without one (read as
 * UTC). Null when absent or unreadable.
 */
export function date(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(s) ? `${s}Z` : s;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A positive integer id (number or numeric string) as a string, else null. */
export function numericId(v: unknown): string | null {
  const s = str(v);
  return s && /^[1-9]\d{0,19}$/.test(s) ? s : null;
}

/** A two-letter country code, upper-cased, else null. */
export function country(v: unknown): string | null {
  const s = str(v);
  return s && /^[A-Za-z]{2}$/.test(s) ? s.toUpperCase() : null;
}

/** Drops empty values so attributes stay small. */
export function compact(values: Record<string, string | number | boolean | null | undefined>) {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    out[k] = v;
  }
  return out;
}

/** Strips HTML tags and collapses whitespace (WooCommerce descriptions are HTML). */
export function plainText(v: unknown, max = 5000): string | null {
  const s = typeof v === 'string' ? v : null;
  if (!s) return null;
  const text = s
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, max) : null;
}
