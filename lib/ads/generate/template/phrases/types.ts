/**
 * The shape of a template phrase table. Every message is ICU MessageFormat (intl-messageformat)
 * over the slot values of `SlotValues` (lib/ads/generate/template/slots.ts); phrases say which
 * slots they need, so a phrase about a discount is never used for a product without one.
 */
import type { CampaignObjective } from '@/lib/ads/types';

/** Slots a phrase may require; a phrase is skipped when one of them has no value. */
export type SlotKey =
  | 'title'
  | 'brand'
  | 'store'
  | 'category'
  | 'interest'
  | 'price'
  | 'discount'
  | 'compareAt';

/**
 * One phrase. Messages may use every slot as `{name}` plus these selectors:
 * `{objective, select, sales {…} reengagement {…} launch {…} other {…}}`,
 * `{band, select, premium {…} budget {…} other {…}}` (the segment's price band),
 * `{rfm, select, lapsed {…} loyal {…} other {…}}` (the segment's RFM group) and
 * `{count, plural, one {…} other {…}}` (how many products the creative is about; never printed).
 */
export interface Phrase {
  msg: string;
  /** Slots that must have a value (the message prints them). */
  needs?: readonly SlotKey[];
  /** Only for these campaign objectives (default: every objective). */
  for?: readonly CampaignObjective[];
  /** Relative preference, default 1: the engine orders variants by weight, spread by temperature. */
  weight?: number;
  /**
   * The message has this many wordings, chosen by `{v, select, 0 {…} 1 {…} other {…}}` (v is
   * "0".."n-1"; the last is `other`). Each wording is a text of its own, so a campaign with many
   * creatives finds enough different lines.
   */
  variants?: number;
}

export interface PhraseTable {
  /** Short lines: search headlines, Meta headlines, email subjects, banner headlines. */
  short: readonly Phrase[];
  /** Sentences: search descriptions, Meta primary text, email preheaders. */
  long: readonly Phrase[];
  /** Button labels (banner CTA). */
  cta: readonly Phrase[];
  /**
   * How a required term joins a text that lacks it, in order of preference; `{text}` is the text
   * and `{term}` the term, e.g. "{text} – {term}".
   */
  withTerm: readonly string[];
  /** Between two sentences of one text (a space for Latin scripts and Korean, nothing for ja/zh). */
  sentenceGap: string;
}
