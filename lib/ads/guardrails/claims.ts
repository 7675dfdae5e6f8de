/**
 * Phrases the catalog cannot back: shipping promises, price superlatives, rankings and
 * guarantees, and words that announce a discount. Every locale's list is checked in every
 * creative (an English "free shipping" in a German ad is still a claim). Terms are folded
 * (case, accents, width) and matched as whole words; CJK terms as substrings.
 */
import { fold, TermSet } from './text';

/** Claim → what it means in English (shown next to non-English matches). */
const CLAIMS: Record<string, string> = {
  'free shipping': 'free shipping',
  'free delivery': 'free shipping',
  'ships free': 'free shipping',
  'best price': 'best price',
  'best prices': 'best price',
  'lowest price': 'lowest price',
  'lowest prices': 'lowest price',
  cheapest: 'cheapest',
  guaranteed: 'guaranteed',
  guarantee: 'guarantee',
  'money back': 'money back',
  'kostenloser versand': 'free shipping',
  'kostenlose lieferung': 'free shipping',
  versandkostenfrei: 'free shipping',
  'gratis versand': 'free shipping',
  'bester preis': 'best price',
  bestpreis: 'best price',
  tiefstpreis: 'lowest price',
  garantiert: 'guaranteed',
  garantie: 'guarantee',
  'livraison gratuite': 'free shipping',
  'livraison offerte': 'free shipping',
  'meilleur prix': 'best price',
  'prix le plus bas': 'lowest price',
  garanti: 'guaranteed',
  'envio gratis': 'free shipping',
  'envio gratuito': 'free shipping',
  'mejor precio': 'best price',
  'precio mas bajo': 'lowest price',
  garantizado: 'guaranteed',
  garantia: 'guarantee',
  'spedizione gratuita': 'free shipping',
  'spedizione gratis': 'free shipping',
  'miglior prezzo': 'best price',
  'prezzo piu basso': 'lowest price',
  garantito: 'guaranteed',
  'gratis verzending': 'free shipping',
  'gratis bezorging': 'free shipping',
  'beste prijs': 'best price',
  'laagste prijs': 'lowest price',
  gegarandeerd: 'guaranteed',
  'frete gratis': 'free shipping',
  'portes gratis': 'free shipping',
  'entrega gratis': 'free shipping',
  'melhor preco': 'best price',
  'menor preco': 'lowest price',
  garantido: 'guaranteed',
  送料無料: 'free shipping',
  最安: 'lowest price',
  最安値: 'lowest price',
  ナンバーワン: 'number one',
  保証: 'guarantee',
  免运费: 'free shipping',
  包邮: 'free shipping',
  免费送货: 'free shipping',
  最低价: 'lowest price',
  最便宜: 'cheapest',
  第一名: 'number one',
  销量第一: 'number one',
  保证: 'guarantee',
  '무료 배송': 'free shipping',
  무료배송: 'free shipping',
  최저가: 'lowest price',
  '1위': 'number one',
  보장: 'guarantee',
};

/** Rankings written with a number: "#1", "No. 1", "Nr. 1", "n° 1", "número 1", "number one". */
const RANKING_RES = [
  /(?<![\p{L}\p{N}])#\s?1(?!\p{N})/u,
  // A bare "no" is a word in English, Spanish and Portuguese ("no 1º pedido"): only "No." counts.
  /(?<![\p{Script=Latin}\p{N}])(?:no\.|nr\.?|n[°º]\.?)\s?1(?![\p{L}\p{N}.,°º]|\s?(?:x|×))/u,
  /(?<![\p{L}])(?:number|nummer|numero|numéro|número)\s(?:1|one|eins|uno|un|um|een)(?![\p{L}\p{N}])/u,
];

/** Words announcing a discount; only a claim when no product of the campaign is discounted. */
const DISCOUNT_WORDS = [
  'sale',
  'on sale',
  'discount',
  'discounted',
  'reduced',
  'markdown',
  'clearance',
  'save',
  'rabatt',
  'reduziert',
  'ausverkauf',
  'preisnachlass',
  'sparen',
  'remise',
  'reduction',
  'soldes',
  'promo',
  'rabais',
  'economisez',
  'descuento',
  'descuentos',
  'rebajas',
  'rebajado',
  'ahorra',
  'sconto',
  'sconti',
  'scontato',
  'saldi',
  'risparmia',
  'korting',
  'uitverkoop',
  'afgeprijsd',
  'bespaar',
  'desconto',
  'descontos',
  'promocao',
  'liquidacao',
  'economize',
  'poupe',
  '割引',
  'セール',
  '値下げ',
  '値引き',
  'お買い得',
  '折扣',
  '打折',
  '特价',
  '促销',
  '优惠',
  '减价',
  '할인',
  '세일',
  '특가',
];

const CLAIM_TERMS = new TermSet(Object.keys(CLAIMS));
const DISCOUNT_TERMS = new TermSet(DISCOUNT_WORDS);

/** Claims in `text` the catalog cannot back, as `{ phrase, meaning }`. */
export function findClaims(text: string): { phrase: string; meaning: string }[] {
  const folded = fold(text);
  const out = CLAIM_TERMS.find(folded).map((phrase) => ({ phrase, meaning: CLAIMS[phrase] ?? phrase }));
  // Rankings are read before folding too, which turns "nº" into "no".
  const lower = text.normalize('NFC').toLowerCase();
  for (const re of RANKING_RES) {
    const m = re.exec(lower) ?? re.exec(folded);
    if (m) out.push({ phrase: m[0], meaning: 'number one' });
  }
  // "最安値" also contains "最安": report the longer phrase only.
  return out.filter(
    (c) => !out.some((o) => o !== c && o.phrase.length > c.phrase.length && o.phrase.includes(c.phrase)),
  );
}

/** Discount words in `text` (each at most once). */
export function findDiscountWords(text: string): string[] {
  return DISCOUNT_TERMS.find(fold(text));
}
