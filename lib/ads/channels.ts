/**
 * The ad channels and their text limits: which fields a creative has, how many texts each field
 * takes and how long each text may be. Google Ads counts East Asian wide characters twice, so a
 * Japanese headline of 15 kana fills the 30-width limit; Meta, email and the on-site banner count
 * Unicode code points.
 */
import type { AdChannel } from '@/db/schema/ads';

/** One field of a creative, e.g. Google's headlines: `min`..`max` texts, each at most `limit` wide. */
export interface ChannelField {
  key: string;
  label: string;
  /** Fewest texts the field needs (≥ 1). */
  min: number;
  /** Most texts the field takes. */
  max: number;
  /** Longest text, in the channel's counting (see `ChannelSpec.counting`). */
  limit: number;
}

export interface ChannelSpec {
  id: AdChannel;
  label: string;
  fields: ChannelField[];
  /** 'google': CJK / full-width count 2 (Google Ads rule); 'chars': Unicode code points (Meta, email, banner) */
  counting: 'google' | 'chars';
}

export const CHANNELS: Record<AdChannel, ChannelSpec> = {
  'google-rsa': {
    id: 'google-rsa',
    label: 'Google responsive search ad',
    counting: 'google',
    fields: [
      { key: 'headlines', label: 'Headline', min: 3, max: 15, limit: 30 },
      { key: 'descriptions', label: 'Description', min: 2, max: 4, limit: 90 },
    ],
  },
  meta: {
    id: 'meta',
    label: 'Meta (Facebook / Instagram) ad',
    counting: 'chars',
    fields: [
      { key: 'primaryText', label: 'Primary text', min: 1, max: 5, limit: 125 },
      { key: 'headline', label: 'Headline', min: 1, max: 5, limit: 40 },
    ],
  },
  email: {
    id: 'email',
    label: 'Email',
    counting: 'chars',
    fields: [
      { key: 'subject', label: 'Subject', min: 1, max: 1, limit: 60 },
      { key: 'preheader', label: 'Preheader', min: 1, max: 1, limit: 100 },
    ],
  },
  banner: {
    id: 'banner',
    label: 'On-site banner',
    counting: 'chars',
    fields: [
      { key: 'headline', label: 'Headline', min: 1, max: 1, limit: 60 },
      { key: 'cta', label: 'Button', min: 1, max: 1, limit: 20 },
    ],
  },
};

/**
 * Code point ranges Google Ads counts as two: East Asian Wide and Fullwidth characters (CJK
 * ideographs and their extensions, kana, Hangul, CJK punctuation, full-width forms). Half-width
 * katakana and half-width Hangul (U+FF61–U+FFDC) count one, as their name says.
 */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo (leading consonants)
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols & punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // Vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // Fullwidth ASCII variants and fullwidth brackets
  [0xffe0, 0xffe6], // Fullwidth signs (￠ ￡ ￢ ￣ ￤ ￥ ￦)
  [0x1b000, 0x1b16f], // Kana supplement and extensions
  [0x20000, 0x2fffd], // CJK Unified Ideographs Extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK Unified Ideographs Extension G and later
];

function isWide(codePoint: number): boolean {
  for (const [from, to] of WIDE_RANGES) {
    if (codePoint < from) return false; // ranges are sorted
    if (codePoint <= to) return true;
  }
  return false;
}

/**
 * Length of `text` as the channel counts it: 'chars' = Unicode code points (an emoji or a
 * supplementary-plane character is 1, not 2 UTF-16 units); 'google' = code points with East Asian
 * wide / full-width characters counting 2. Never throws; the empty string is 0.
 */
export function textLength(text: string, counting: ChannelSpec['counting']): number {
  let length = 0;
  for (const char of text) {
    length += counting === 'google' && isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return length;
}

/** The field spec of `channel` named `key`, or undefined when the channel has no such field. */
export function channelField(channel: AdChannel, key: string): ChannelField | undefined {
  return CHANNELS[channel].fields.find((field) => field.key === key);
}
