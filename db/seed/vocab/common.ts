import { adjective, keyed } from './spec';
import type { Adjective, DemoLocale, Localized, PriceTier } from './types';

/** Adjectives that fit every category (rows as in `adjective()`). */
export const GENERIC_ADJECTIVES: readonly Adjective[] = [
  'Classic | klassisch | classique | clásico/clásica | クラシックな | 经典',
  'Modern | modern | moderne | moderno/moderna | モダンな | 现代',
  'Elegant | elegant | élégant/élégante | elegante | エレガントな | 优雅',
  'Minimalist | minimalistisch | minimaliste | minimalista | ミニマルな | 极简',
  'Sustainable | nachhaltig | durable | sostenible | サステナブルな | 环保',
  'Essential | schlicht | essentiel/essentielle | esencial | ベーシックな | 基础款 | budget mid',
  'Premium | hochwertig | raffiné/raffinée | exclusivo/exclusiva | 上質な | 高端 | premium',
  'Everyday | praktisch | pratique | práctico/práctica | 毎日使える | 日常 | budget mid',
].map(adjective);

export interface Colour extends Localized {
  key: string;
}

/** key | en | de | fr | es | ja | zh — as written after "Colour:". */
export const COLOURS: readonly Colour[] = [
  'black | black | Schwarz | noir | negro | ブラック | 黑色',
  'white | white | Weiß | blanc | blanco | ホワイト | 白色',
  'navy | navy | Marineblau | bleu marine | azul marino | ネイビー | 藏青色',
  'grey | grey | Grau | gris | gris | グレー | 灰色',
  'beige | beige | Beige | beige | beis | ベージュ | 米色',
  'olive | olive | Oliv | olive | verde oliva | オリーブ | 橄榄绿',
  'terracotta | terracotta | Terrakotta | terracotta | terracota | テラコッタ | 陶土色',
  'sand | sand | Sand | sable | arena | サンド | 沙色',
  'forest-green | forest green | Waldgrün | vert forêt | verde bosque | フォレストグリーン | 森林绿',
  'burgundy | burgundy | Bordeaux | bordeaux | burdeos | ボルドー | 酒红色',
  'sky-blue | sky blue | Himmelblau | bleu ciel | azul cielo | スカイブルー | 天蓝色',
  'red | red | Rot | rouge | rojo | レッド | 红色',
].map(keyed);

/** "{title} by {brand}." — `{t}` and `{b}` are replaced. */
export const INTRO: Localized = {
  en: 'The {t} by {b}.',
  de: '{t} von {b}.',
  fr: '{t} de la marque {b}.',
  es: '{t} de la marca {b}.',
  ja: '{b}の{t}。',
  zh: '来自{b}的{t}。',
};

export const COLOUR_LINE: Localized = {
  en: 'Colour: {c}.',
  de: 'Farbe: {c}.',
  fr: 'Couleur : {c}.',
  es: 'Color: {c}.',
  ja: 'カラー：{c}。',
  zh: '颜色：{c}。',
};

export const TIER_LINES: Record<PriceTier, Localized> = {
  budget: {
    en: 'Great value for everyday use.',
    de: 'Ein gutes Preis-Leistungs-Verhältnis für jeden Tag.',
    fr: 'Un excellent rapport qualité-prix au quotidien.',
    es: 'Una excelente relación calidad-precio para el día a día.',
    ja: '毎日使えるお手頃価格。',
    zh: '物美价廉，适合日常使用。',
  },
  mid: {
    en: 'Thoughtfully designed and made to last.',
    de: 'Durchdacht gestaltet und langlebig verarbeitet.',
    fr: 'Conçu avec soin et fait pour durer.',
    es: 'Diseñado con cuidado y hecho para durar.',
    ja: '丁寧にデザインされ、長く使えます。',
    zh: '设计用心，经久耐用。',
  },
  premium: {
    en: 'Crafted from carefully selected materials with great attention to detail.',
    de: 'Aus sorgfältig ausgewählten Materialien mit viel Liebe zum Detail gefertigt.',
    fr: 'Fabriqué à partir de matériaux soigneusement sélectionnés, avec un grand souci du détail.',
    es: 'Elaborado con materiales cuidadosamente seleccionados y gran atención al detalle.',
    ja: '厳選された素材を使い、細部までこだわって仕上げました。',
    zh: '精选材料，细节考究。',
  },
};

/** Short review texts by sentiment, per language. */
export const REVIEW_TEXTS: Record<'good' | 'okay' | 'bad', Record<DemoLocale, readonly string[]>> = {
  good: {
    en: [
      'Love it, exactly as described.',
      'Great quality, would buy again.',
      'Fast delivery and very happy with it.',
    ],
    de: [
      'Super, genau wie beschrieben.',
      'Tolle Qualität, gerne wieder.',
      'Schnelle Lieferung, sehr zufrieden.',
    ],
    fr: [
      'Parfait, conforme à la description.',
      'Très bonne qualité, je recommande.',
      'Livraison rapide, très satisfaite.',
    ],
    es: [
      'Me encanta, tal como se describe.',
      'Muy buena calidad, volvería a comprar.',
      'Envío rápido y muy contento.',
    ],
    ja: ['説明どおりで大満足です。', '品質が良く、リピートします。', '配送も早く、とても満足しています。'],
    zh: ['和描述一致，很喜欢。', '质量很好，会回购。', '发货快，非常满意。'],
  },
  okay: {
    en: ['Good, but a bit smaller than expected.', 'Decent for the price.', 'Fine overall, nothing special.'],
    de: [
      'Gut, aber etwas kleiner als erwartet.',
      'Für den Preis in Ordnung.',
      'Insgesamt okay, nichts Besonderes.',
    ],
    fr: [
      'Bien, mais un peu plus petit que prévu.',
      'Correct pour le prix.',
      'Correct dans l’ensemble, sans plus.',
    ],
    es: [
      'Bien, pero algo más pequeño de lo esperado.',
      'Correcto para el precio.',
      'Bien en general, nada especial.',
    ],
    ja: ['良いですが、思ったより小さめでした。', '価格相応だと思います。', '全体的には普通です。'],
    zh: ['还不错，但比预期小一点。', '这个价格还算可以。', '总体一般。'],
  },
  bad: {
    en: ['Disappointed, the quality is poor.', 'Did not match the photos.', 'Broke after a few uses.'],
    de: [
      'Enttäuscht, die Qualität ist schlecht.',
      'Entspricht nicht den Fotos.',
      'Nach wenigen Einsätzen kaputt.',
    ],
    fr: [
      'Déçu, la qualité est médiocre.',
      'Ne correspond pas aux photos.',
      'Cassé après quelques utilisations.',
    ],
    es: ['Decepcionado, la calidad es mala.', 'No se parece a las fotos.', 'Se rompió tras pocos usos.'],
    ja: ['品質が悪く、残念でした。', '写真と違いました。', '数回使っただけで壊れました。'],
    zh: ['很失望，质量差。', '和图片不符。', '用了几次就坏了。'],
  },
};

/** Fills `{x}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (_, k: string) => values[k] ?? '');
}
