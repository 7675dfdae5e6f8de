/**
 * Turns a model's answer into Candidates. Models wrap JSON in code fences or prose, rename keys
 * ("primary_text"), send one creative instead of a list, or write lines instead of JSON; this
 * reads all of those. It never judges the copy: lengths, language and facts are the guardrails'
 * job (lib/ads/guardrails), so a text that is too long is kept as it came.
 */
import { CHANNELS } from '../channels';
import {
  type Candidate,
  type CreativeFields,
  GeneratorError,
  type GenerationRequest,
  type ProductFact,
} from '../types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `primary_text`, `PrimaryText`, `primaryTexts` → `primarytext` (plural and case do not matter). */
const normKey = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/s$/, '');

/** From index `start` (a `{` or `[`), the index just past its matching bracket, or -1. */
function matchingEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The first JSON object or array in `text`: the content of a ```json fence when there is one,
 * else the first balanced `{…}` / `[…]` that parses. Undefined when there is none.
 */
export function extractJson(text: string): Json | undefined {
  const sources = [...text.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  sources.push(text);
  for (const source of sources) {
    // A model's answer has few brackets; trying each start keeps "see [1]" prose from hiding the JSON.
    for (let start = 0, tries = 0; start < source.length && tries < 50; start++) {
      const c = source[start];
      if (c !== '{' && c !== '[') continue;
      tries++;
      const end = matchingEnd(source, start);
      if (end < 0) continue;
      try {
        return JSON.parse(source.slice(start, end)) as Json;
      } catch {
        // not JSON after all (e.g. "[sic]"); try the next bracket
      }
    }
  }
  return undefined;
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function texts(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : [value ?? null];
  return list
    .map((v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/**
 * The products whose title appears (case-insensitively) in the copy; all of them when none does,
 * since the copy was written about the request's products.
 */
export function mentionedProducts(fields: CreativeFields, products: ProductFact[]): string[] {
  const copy = Object.values(fields).flat().join('\n').toLocaleLowerCase();
  const named = products.filter((p) => p.title.trim() && copy.includes(p.title.trim().toLocaleLowerCase()));
  return (named.length > 0 ? named : products).map((p) => p.id);
}

/** One creative object → Candidate with every field of the channel (absent ones empty), or null when it has none. */
function toCandidate(raw: Json, request: GenerationRequest): Candidate | null {
  if (!isObject(raw)) return null;
  const byKey = new Map(Object.entries(raw).map(([k, v]) => [normKey(k), v]));
  const fields: CreativeFields = {};
  let found = 0;
  for (const field of CHANNELS[request.channel].fields) {
    const value = byKey.get(normKey(field.key));
    if (value !== undefined) found++;
    fields[field.key] = texts(value);
  }
  return found > 0 ? { fields, productIds: mentionedProducts(fields, request.products) } : null;
}

/**
 * Reads `{"creatives":[…]}` (or a bare list, or one creative object) from a model's answer.
 * Returns at most `request.count` candidates. Throws GeneratorError('bad_response') when the
 * answer holds no JSON or no object with any of the channel's fields.
 */
export function parseCandidates(text: string, request: GenerationRequest): Candidate[] {
  const json = extractJson(text);
  if (json === undefined) {
    throw new GeneratorError('bad_response', 'The model did not answer with JSON.');
  }
  const list: Json[] = Array.isArray(json)
    ? json
    : isObject(json) && Array.isArray(json.creatives)
      ? json.creatives
      : [json];
  const candidates = list.flatMap((raw) => toCandidate(raw, request) ?? []);
  if (candidates.length === 0) {
    const keys = CHANNELS[request.channel].fields.map((f) => f.key).join(', ');
    throw new GeneratorError('bad_response', `The model's JSON had no creative with the fields ${keys}.`);
  }
  return candidates.slice(0, Math.max(1, request.count));
}

/** Lines and sentences of free text, without list markers, labels and quotes. */
export function fragments(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?。！？])\s+|(?<=[。！？])/u)
    .map((s) =>
      s
        .replace(/^\s*(?:[-*•·]|\d+[.)])\s*/u, '')
        .replace(/^\s*[\p{L} ]{1,20}:\s+/u, '')
        .replace(/^["'“”„«»「」]+|["'“”„«»「」]+$/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => /\p{L}/u.test(s));
}

/**
 * For models that ignore the JSON instruction: its lines and sentences, in order, fill each
 * field of the channel with the fewest texts it needs, creative after creative (up to
 * `request.count`). Throws GeneratorError('bad_response') when there is not enough text for one.
 */
export function fallbackCandidates(text: string, request: GenerationRequest): Candidate[] {
  const pieces = fragments(text);
  const spec = CHANNELS[request.channel];
  const need = spec.fields.reduce((n, f) => n + f.min, 0);
  const candidates: Candidate[] = [];
  for (let at = 0; at + need <= pieces.length && candidates.length < Math.max(1, request.count); ) {
    const fields: CreativeFields = {};
    for (const field of spec.fields) {
      fields[field.key] = pieces.slice(at, at + field.min);
      at += field.min;
    }
    candidates.push({ fields, productIds: mentionedProducts(fields, request.products) });
  }
  if (candidates.length === 0) {
    throw new GeneratorError(
      'bad_response',
      `The model answered neither JSON nor enough lines for one ${spec.label} creative (${pieces.length} of ${need}).`,
    );
  }
  return candidates;
}

/** JSON when the answer has some, else the line fallback (for small local models that ignore the format). */
export function parseOrFallback(text: string, request: GenerationRequest): Candidate[] {
  return extractJson(text) === undefined ? fallbackCandidates(text, request) : parseCandidates(text, request);
}
