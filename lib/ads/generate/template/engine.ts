/**
 * The template engine: builds complete creatives for one channel from a locale's phrase table.
 * Every text is a rendered phrase (or two sentences of them), chosen in a seeded order, kept only
 * when it fits the channel limit, holds no banned word and is not already used; required terms
 * are worked in afterwards. Nothing is invented: every name and number comes from the slots.
 */
import { CHANNELS, type ChannelField, type ChannelSpec } from '@/lib/ads/channels';
import type { AdChannel, Candidate, GenerationRequest, ProductFact } from '@/lib/ads/types';
import type { Phrase, PhraseTable } from './phrases/types';
import {
  type Rng,
  type Wording,
  createRng,
  expandWordings,
  hashText,
  orderPhrases,
  phraseApplies,
  renderPhrase,
} from './render';
import { type SlotValues, buildSlots } from './slots';
import { addRequiredTerms } from './terms';
import { containsWord, fitText, textKey } from './text';

type Role = 'short' | 'long' | 'cta';

/** Which phrases fill a field and how many texts to propose (within the channel's min..max). */
interface FieldPlan {
  role: Role;
  want: readonly [number, number];
  /** Chance of joining two sentences into one text when both fit. */
  pairChance: number;
}

const PLANS: Record<AdChannel, Record<string, FieldPlan>> = {
  'google-rsa': {
    // Five or six: enough for Google to combine, while the campaign's other creatives still find
    // headlines of their own (the duplicate guardrail refuses any text used twice in a campaign).
    headlines: { role: 'short', want: [5, 6], pairChance: 0 },
    descriptions: { role: 'long', want: [2, 3], pairChance: 0.35 },
  },
  meta: {
    // Feed posts carry a few sentences; one sentence of product name and price reads thin.
    primaryText: { role: 'long', want: [1, 2], pairChance: 1 },
    headline: { role: 'short', want: [1, 2], pairChance: 0 },
  },
  email: {
    subject: { role: 'short', want: [1, 1], pairChance: 0 },
    preheader: { role: 'long', want: [1, 1], pairChance: 0.4 },
  },
  banner: {
    headline: { role: 'short', want: [1, 1], pairChance: 0 },
    cta: { role: 'cta', want: [1, 1], pairChance: 0 },
  },
};

/** State of one generate() call: the texts already proposed, so candidates differ from each other. */
interface Run {
  request: GenerationRequest;
  table: PhraseTable;
  spec: ChannelSpec;
  rng: Rng;
  usedKeys: Set<string>;
}

function hasBanned(text: string, banned: readonly string[]): boolean {
  return banned.some((word) => containsWord(text, word, { cjkBoundary: true }));
}

/** Catalog facts a cut must keep whole. */
function factsOf(slots: SlotValues): string[] {
  const { title, brand, store, price, discount, compareAt } = slots.text;
  return [title, brand, store, price, discount, compareAt].filter((v): v is string => v !== undefined);
}

function between(rng: Rng, [lo, hi]: readonly [number, number], field: ChannelField): number {
  const n = lo + Math.floor(rng() * (hi - lo + 1));
  return Math.min(field.max, Math.max(field.min, n));
}

interface Rendered {
  phrase: Wording;
  text: string;
}

/** Two sentences join only when they print different slots ("Save 17 %. Save 17 % on …" reads badly). */
function canPair(a: Phrase, b: Phrase): boolean {
  const first = new Set(a.needs ?? []);
  return !(b.needs ?? []).some((key) => first.has(key));
}

/**
 * The phrases that apply, the objective's own first (a launch reads "New: …" before a generic
 * line), and those printing the store first among equals when its name is a required term, so
 * the term reads naturally instead of being appended.
 */
function candidatePhrases(
  phrases: readonly Phrase[],
  request: GenerationRequest,
  slots: SlotValues,
): Wording[] {
  const store = request.brandName?.trim();
  const storeRequired = !!store && request.requiredTerms.some((term) => textKey(term) === textKey(store));
  const applicable = phrases.filter((p) => phraseApplies(p, slots));
  const own = applicable.filter((p) => p.for);
  const general = applicable.filter((p) => !p.for);
  return expandWordings([...own, ...general]).map((p) =>
    storeRequired && p.needs?.includes('store') ? { ...p, weight: (p.weight ?? 1) * 3 } : p,
  );
}

function fillField(
  run: Run,
  field: ChannelField,
  plan: FieldPlan,
  slots: SlotValues,
  own: Set<string>,
  alternatives: Map<string, string[]>,
): string[] {
  const { request, table, spec, rng } = run;
  const want = between(rng, plan.want, field);
  const order = orderPhrases(candidatePhrases(table[plan.role], request, slots), rng, request.temperature);
  const rendered: Rendered[] = [];
  for (const phrase of order) {
    const text = renderPhrase(phrase, request.locale, slots);
    if (text !== null && !hasBanned(text, request.bannedWords)) rendered.push({ phrase, text });
  }
  alternatives.set(
    field.key,
    rendered.map((r) => r.text),
  );
  const keep = factsOf(slots);
  const texts: string[] = [];
  // A product name in every line reads like a feed dump (and leaves language detection little
  // of the language to go on): at most half the texts of a field carry the title.
  const titleCap = Math.max(1, Math.floor(want / 2));
  let titled = 0;
  // First only sentences no other candidate of this run used; then, only if the field still lacks
  // its minimum, any sentence new to this creative (a shared text fails the duplicate guardrail
  // once the other candidate is accepted, so fewer texts beat a repeated one).
  for (const strict of [true, false]) {
    if (!strict && texts.length >= field.min) break;
    for (let i = 0; i < rendered.length && texts.length < want; i++) {
      const first = rendered[i]!;
      const firstKey = textKey(first.text);
      if (own.has(firstKey) || (strict && run.usedKeys.has(firstKey))) continue;
      const hasTitle = first.phrase.needs?.includes('title') ?? false;
      if (strict && hasTitle && titled >= titleCap) continue;
      let text = fitText(first.text, field.limit, spec.counting, keep);
      if (text === null) continue;
      const parts = [firstKey];
      if (plan.pairChance > 0 && text === first.text && rng() < plan.pairChance) {
        const second = rendered.find(
          (r, j) =>
            j !== i &&
            canPair(first.phrase, r.phrase) &&
            !own.has(textKey(r.text)) &&
            !parts.includes(textKey(r.text)),
        );
        const joined = second ? `${text}${table.sentenceGap}${second.text}` : null;
        if (second && joined && fitText(joined, field.limit, spec.counting, []) === joined) {
          text = joined;
          parts.push(textKey(second.text));
        }
      }
      const key = textKey(text);
      if (!key || own.has(key) || (strict && run.usedKeys.has(key))) continue;
      texts.push(text);
      if (hasTitle) titled++;
      own.add(key);
      for (const part of parts) own.add(part);
    }
  }
  return texts;
}

function buildCandidate(run: Run, focus: ProductFact | undefined): Candidate {
  const slots = buildSlots(run.request, focus);
  const own = new Set<string>();
  const alternatives = new Map<string, string[]>();
  const fields: Record<string, string[]> = {};
  for (const field of run.spec.fields) {
    const plan = PLANS[run.spec.id][field.key];
    fields[field.key] = plan ? fillField(run, field, plan, slots, own, alternatives) : [];
  }
  addRequiredTerms(run.request, run.table, run.spec, fields, alternatives);
  for (const key of own) run.usedKeys.add(key);
  const all = Object.values(fields).flat();
  const productIds = run.request.products
    .filter((p) => p === focus || all.some((t) => t.includes(p.title)))
    .map((p) => p.id);
  return { fields, productIds };
}

const QUOTED_RE = /"([^"]{2,200})"|“([^”]{2,200})”|«\s?([^»]{2,200}?)\s?»/gu;

/**
 * Texts quoted in retry feedback (`headlines[1]: "Shop now" is already used …`): the next attempt
 * steers clear of them like of texts its own earlier candidates used.
 */
export function quotedTexts(feedback: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const line of feedback ?? []) {
    for (const m of line.matchAll(QUOTED_RE)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return out.filter(Boolean);
}

/**
 * `request.count` creatives for `request.channel` in `request.locale`, from `table`. The same
 * request (seed, feedback included) always gives the same creatives; retry feedback changes the
 * seed so a second attempt proposes other texts. Throws RangeError for an invalid currency.
 */
export function generateFromTable(request: GenerationRequest, table: PhraseTable): Candidate[] {
  const feedback = request.feedback?.length ? hashText(request.feedback.join('\n')) : 0;
  const run: Run = {
    request,
    table,
    spec: CHANNELS[request.channel],
    rng: createRng((request.seed ^ feedback) >>> 0),
    usedKeys: new Set(),
  };
  for (const text of quotedTexts(request.feedback)) run.usedKeys.add(textKey(text));
  const out: Candidate[] = [];
  const signatures = new Set<string>();
  const count = Math.max(0, Math.floor(request.count));
  for (let i = 0; out.length < count && i < count * 4; i++) {
    const focus = request.products.length ? request.products[i % request.products.length] : undefined;
    const candidate = buildCandidate(run, focus);
    const signature = JSON.stringify(candidate.fields);
    if (signatures.has(signature)) continue;
    signatures.add(signature);
    out.push(candidate);
  }
  return out;
}
