/**
 * `language`: the creative is written in the requested language. Script first, because it is
 * certain: Japanese needs kana, Korean needs Hangul, Chinese needs Han without kana or Hangul, and
 * a Latin-script locale has no CJK text. Then CLD3 on the joined copy when it holds enough
 * letters, where only a reliable, confident guess of another language fails (short ad copy makes
 * CLD3 guess; a wrong rejection costs a good creative). Product titles and the brand name are
 * removed first: "Leinenhemd Classic" in an English ad is a name, not German.
 */
import type { AdLocale, Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { baseLanguage, detectLanguageSync, languageName, letterWeight } from '@/lib/language/detect';
import { commonWords } from './common-words';
import { copyTexts, fold, verdict } from './text';

/** Letters (CJK counting double, see letterWeight) below which CLD3 is not asked. */
export const LANGUAGE_MIN_LETTERS = 24;
/** CLD3 must be at least this sure of another language to fail a creative. */
export const LANGUAGE_MIN_PROBABILITY = 0.9;

const CJK_LOCALES: readonly AdLocale[] = ['ja', 'zh', 'ko'];
/**
 * Languages CLD3 names for short copy of a close neighbour ("Novedades para ti. Descubrir" →
 * Galician 0.92, "Leichte Hemden. Jetzt shoppen" → Luxembourgish): not a mismatch. Another of the
 * ten ad locales is never listed, so Spanish copy in a Portuguese slot still fails.
 */
const NEIGHBOURS: Partial<Record<AdLocale, readonly string[]>> = {
  en: ['sco'],
  de: ['lb', 'yi'],
  fr: ['co', 'oc', 'ht'],
  es: ['gl', 'ca', 'ast'],
  it: ['co', 'sc', 'la'],
  nl: ['af', 'fy', 'li'],
  pt: ['gl'],
};
const KANA_RE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL_RE = /\p{Script=Hangul}/u;
const HAN_RE = /\p{Script=Han}/u;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The copy without names from the catalog (titles, brands, categories, the store's brand). */
function withoutNames(text: string, ctx: GuardrailContext): string {
  const names = new Set<string>();
  for (const p of ctx.products) {
    for (const n of [p.title, p.brand, p.category]) if (n && n.trim().length > 1) names.add(n.trim());
  }
  if (ctx.brandName?.trim()) names.add(ctx.brandName.trim());
  for (const term of ctx.requiredTerms) if (term.trim()) names.add(term.trim());
  let out = text;
  // Longest first, so "Classic Linen Shirt" goes before "Linen".
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(name), 'giu'), ' ');
  }
  return out;
}

/**
 * The script rule. A script the language needs may come from a product title too ("リネンシャツ
 * ￥1,980" is Japanese), so `full` is the whole copy; a script it must not have is looked for in
 * `names` removed (`stripped`), so a Korean title in a Japanese ad is no failure.
 */
function scriptFailure(locale: AdLocale, full: string, stripped: string): string | null {
  const hasKana = KANA_RE.test(stripped);
  const hasHangul = HANGUL_RE.test(stripped);
  switch (locale) {
    case 'ja':
      if (hasHangul) return 'Contains Korean (Hangul) text, but this creative is for Japanese';
      if (!KANA_RE.test(full)) {
        return HAN_RE.test(full)
          ? 'Has no kana (hiragana or katakana): it reads as Chinese, not Japanese'
          : 'Is not written in Japanese (no Japanese characters)';
      }
      return null;
    case 'ko':
      if (hasKana) return 'Contains Japanese kana, but this creative is for Korean';
      return HANGUL_RE.test(full) ? null : 'Is not written in Korean (no Hangul)';
    case 'zh':
      if (hasKana) return 'Contains Japanese kana, but this creative is for Chinese';
      if (hasHangul) return 'Contains Korean (Hangul) text, but this creative is for Chinese';
      return HAN_RE.test(full) ? null : 'Is not written in Chinese (no Chinese characters)';
    default:
      return CJK_RE.test(stripped)
        ? `Contains Chinese, Japanese or Korean characters, but this creative is for ${languageName(locale)}`
        : null;
  }
}

/** Words (folded) from this many on are enough to expect everyday words of the language. */
export const LANGUAGE_MIN_WORDS = 3;
/** Share of the words (0..1) that must be everyday words of the language. */
export const LANGUAGE_MIN_WORD_SHARE = 0.15;
const LATIN_LOCALES: readonly AdLocale[] = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];

/**
 * The everyday-word rule for Latin-script locales: copy of LANGUAGE_MIN_WORDS words or more needs
 * some of its language's everyday words, and no more than twice as many of another ad language's
 * (CLD3 only says "unsure" about random letters or short copy in the wrong language).
 */
function wordFailure(locale: AdLocale, joined: string): string | null {
  const own = commonWords(locale);
  if (!own) return null;
  const tokens = fold(joined).match(/\p{L}+/gu) ?? [];
  if (tokens.length < LANGUAGE_MIN_WORDS) return null;
  const hits = (set: ReadonlySet<string>) => tokens.filter((t) => set.has(t)).length;
  const mine = hits(own);
  // Real copy is dense with them; one chance hit ("collection", "de") among noise is not enough.
  if (mine < Math.max(1, Math.ceil(LANGUAGE_MIN_WORD_SHARE * tokens.length))) {
    return `Has ${mine === 0 ? 'none' : `only ${mine}`} of the everyday ${languageName(locale)} words a text of ${tokens.length} words would have: it does not read as ${languageName(locale)}`;
  }
  for (const other of LATIN_LOCALES) {
    if (other === locale) continue;
    const theirs = hits(commonWords(other) ?? new Set());
    if (theirs > 2 * mine && theirs >= 3) {
      return `Reads more like ${languageName(other)} (${theirs} everyday ${languageName(other)} words against ${mine}) than ${languageName(locale)}`;
    }
  }
  return null;
}

/**
 * Throws when the language detector is not loaded: await `prepareGuardrails()` (index.ts) once
 * before running the guardrails synchronously.
 */
export function checkLanguage(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const originals = copyTexts(candidate, ctx.channel).map((t) => t.text);
  const texts = originals.map((t) => withoutNames(t, ctx));
  // Sentence breaks between fields, so CLD3 does not read two headlines as one odd sentence.
  const joined = texts
    .map((t) => t.trim())
    .filter(Boolean)
    .join('. ');
  const failures: { reason: string }[] = [];

  const script = scriptFailure(ctx.locale, originals.join(' '), joined);
  if (script) failures.push({ reason: script });

  if (!script && letterWeight(joined) >= LANGUAGE_MIN_LETTERS) {
    const detected = detectLanguageSync(joined, { minLetters: LANGUAGE_MIN_LETTERS });
    const wanted = baseLanguage(ctx.locale);
    const found = detected.language ? baseLanguage(detected.language) : null;
    // Among ja/zh/ko the script rule above is decisive; CLD3 confuses kanji-heavy Japanese.
    const scriptDecides =
      CJK_LOCALES.includes(ctx.locale) && found !== null && ['ja', 'zh', 'ko'].includes(found);
    if (
      found &&
      found !== wanted &&
      !scriptDecides &&
      !NEIGHBOURS[ctx.locale]?.includes(found) &&
      detected.reliable &&
      detected.probability >= LANGUAGE_MIN_PROBABILITY
    ) {
      failures.push({
        reason: `Reads as ${languageName(found)} (${Math.round(detected.probability * 100)} % sure), but this creative is for ${languageName(wanted)}`,
      });
    }
  }
  // A confident detection of another language says more than the word rule, so it goes first.
  if (!script && failures.length === 0) {
    const words = wordFailure(ctx.locale, joined);
    if (words) failures.push({ reason: words });
  }
  return verdict('language', failures);
}
