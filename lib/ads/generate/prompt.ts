/**
 * The instructions a language model gets for one ad slot: which channel and fields, the limits,
 * the language, the segment, the product facts with their exact prices, the words to use and to
 * avoid, and what failed last time. The answer is asked for as one JSON object,
 * `{"creatives":[{<field>: [texts]}]}`, which ./parse.ts reads. The instructions themselves are in
 * English (models follow English instructions best); the copy is asked for in the slot's language.
 */
import { formatMoney } from '@/lib/format';
import { CHANNELS, type ChannelField } from '../channels';
import type { AdLocale, CampaignObjective, GenerationRequest, ProductFact } from '../types';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export const LOCALE_NAMES: Record<AdLocale, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
  ja: 'Japanese',
  zh: 'Chinese (Simplified)',
  ko: 'Korean',
};

const OBJECTIVES: Record<CampaignObjective, string> = {
  sales: 'sell these products to shoppers who are likely to buy them',
  reengagement: 'win back shoppers who have not bought for a while (a warm "we miss you" tone)',
  launch: 'announce these products as new',
};

/**
 * How many texts to ask for per field: Google takes up to 15 headlines, but 5–8 good ones beat
 * 15 similar ones; other fields are asked for their full range.
 */
export function proposedRange(field: ChannelField): { min: number; max: number } {
  if (field.max > 8) return { min: Math.max(field.min, 5), max: 8 };
  return { min: field.min, max: field.max };
}

/** One product as a line of facts, prices formatted in the slot's locale exactly as the copy may quote them. */
export function describeProduct(p: ProductFact, locale: AdLocale, index: number): string {
  const parts = [`${index + 1}. "${p.title}"`];
  if (p.brand) parts.push(`brand ${p.brand}`);
  if (p.category) parts.push(`category ${p.category}`);
  let price = `price ${formatMoney(p.priceMinor, p.currency, locale)}`;
  if (p.compareAtMinor !== null && p.discountPercent !== null) {
    price += ` (was ${formatMoney(p.compareAtMinor, p.currency, locale)}, ${p.discountPercent} % off)`;
  }
  parts.push(price);
  return parts.join(' — ');
}

function audience(request: GenerationRequest): string {
  const s = request.segment;
  const lines = [`Audience: ${s.id ? `segment "${s.name}"` : 'all shoppers'} (${s.size} shoppers)`];
  const share = (xs: { name: string; share: number }[]) =>
    xs.map((x) => `${x.name} (${Math.round(x.share * 100)} %)`).join(', ');
  if (s.topCategories.length > 0) lines.push(`They mostly buy: ${share(s.topCategories)}`);
  if (s.topBrands.length > 0) lines.push(`Favourite brands: ${share(s.topBrands)}`);
  if (s.priceBand) lines.push(`Price band: ${s.priceBand}`);
  if (s.rfmSegment) lines.push(`Customer stage: ${s.rfmSegment.replaceAll('_', ' ')}`);
  return lines.join('\n');
}

/** The JSON shape asked for, with the field keys of the channel (also read by the test chat server). */
export function answerShape(request: GenerationRequest): string {
  const creative = Object.fromEntries(CHANNELS[request.channel].fields.map((f) => [f.key, ['…']]));
  return JSON.stringify({ creatives: [creative] });
}

/**
 * The chat messages for one generation. Pure; the same request gives the same text. The prompt
 * carries no shopper data: the segment is described by aggregates only.
 */
export function buildPrompt(request: GenerationRequest): ChatMessage[] {
  const spec = CHANNELS[request.channel];
  const wide = spec.counting === 'google' ? ' (Chinese, Japanese and Korean characters count as 2)' : '';
  const fields = spec.fields.map((f) => {
    const { min, max } = proposedRange(f);
    const count = min === max ? `exactly ${min}` : `${min} to ${max}`;
    return `- "${f.key}" (${f.label}): ${count} text${max === 1 ? '' : 's'}, each at most ${f.limit} characters${wide}`;
  });
  const system = [
    'You write advertising copy for an online shop.',
    'Answer with one JSON object and nothing else: no prose, no code fences.',
    'Every price, discount and product name you mention must be copied exactly from the product facts.',
    'Do not invent claims (free shipping, best price, #1, guaranteed), and never include personal data,',
    'e-mail addresses, phone numbers, links or placeholders such as {{first_name}}.',
  ].join(' ');

  const user = [
    `Channel: ${spec.label}`,
    `Language: ${LOCALE_NAMES[request.locale]} (${request.locale}); write every text in this language.`,
    `Goal: ${OBJECTIVES[request.objective]}.`,
    audience(request),
    request.brandName ? `Brand: ${request.brandName}` : null,
    'Products (the only facts you may use):',
    ...request.products.map((p, i) => describeProduct(p, request.locale, i)),
    'Fields of each creative (every value is an array of strings):',
    ...fields,
    request.requiredTerms.length > 0
      ? `Each creative must use these terms in at least one text: ${request.requiredTerms.map((t) => `"${t}"`).join(', ')}`
      : null,
    request.bannedWords.length > 0
      ? `Never use these words: ${request.bannedWords.map((t) => `"${t}"`).join(', ')}`
      : null,
    `Write ${request.count} different creative${request.count === 1 ? '' : 's'}; no text may repeat.`,
    request.feedback && request.feedback.length > 0
      ? `The previous attempt was rejected for these reasons; avoid them:\n${request.feedback.map((f) => `- ${f}`).join('\n')}`
      : null,
    `Answer format: ${answerShape(request)}`,
  ].filter((line): line is string => line !== null);

  return [
    { role: 'system', content: system },
    { role: 'user', content: user.join('\n') },
  ];
}

/** The messages as one plain text, for models without a chat template. */
export function promptText(messages: ChatMessage[]): string {
  return `${messages.map((m) => m.content).join('\n\n')}\n\nJSON:\n`;
}
