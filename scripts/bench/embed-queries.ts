/**
 * A small labelled query set for search quality on the demo store (db/seed): shopper-style
 * queries in the catalog's six languages, each with the subcategories (`categoryPath[1]`) whose
 * products count as relevant. Written from the demo vocabulary (db/seed/vocab), not from results.
 * `npm run bench:embed` reports precision@10 over it.
 */
export interface LabelledQuery {
  q: string;
  lang: 'en' | 'de' | 'fr' | 'es' | 'ja' | 'zh';
  /** Second-level category names; a product under any of them is relevant. */
  relevant: readonly string[];
}

export const EMBED_QUERIES: readonly LabelledQuery[] = [
  { q: 'linen shirt', lang: 'en', relevant: ['Shirts & Tops'] },
  { q: 'leather boots', lang: 'en', relevant: ['Boots'] },
  { q: 'wireless headphones', lang: 'en', relevant: ['Audio'] },
  { q: 'yoga mat', lang: 'en', relevant: ['Fitness'] },
  { q: 'coffee grinder', lang: 'en', relevant: ['Coffee & Tea'] },
  { q: 'teddy bear', lang: 'en', relevant: ['Soft Toys'] },
  { q: 'face cream', lang: 'en', relevant: ['Skincare'] },
  { q: 'Stiefel aus Leder', lang: 'de', relevant: ['Boots'] },
  { q: 'Kopfhörer', lang: 'de', relevant: ['Audio'] },
  { q: 'Gießkanne', lang: 'de', relevant: ['Garden Tools'] },
  { q: 'Bratpfanne', lang: 'de', relevant: ['Cookware'] },
  { q: 'Pullover aus Wolle', lang: 'de', relevant: ['Knitwear'] },
  { q: 'Zelt', lang: 'de', relevant: ['Hiking & Camping'] },
  { q: 'chemise en lin', lang: 'fr', relevant: ['Shirts & Tops'] },
  { q: 'sac à dos', lang: 'fr', relevant: ['Bags', 'Hiking & Camping'] },
  { q: 'théière', lang: 'fr', relevant: ['Coffee & Tea'] },
  { q: 'tapis de yoga', lang: 'fr', relevant: ['Fitness'] },
  { q: 'botas de piel', lang: 'es', relevant: ['Boots'] },
  { q: 'lámpara de mesa', lang: 'es', relevant: ['Lighting'] },
  { q: 'juego de mesa', lang: 'es', relevant: ['Puzzles & Games'] },
  { q: 'スニーカー', lang: 'ja', relevant: ['Sneakers'] },
  { q: 'マグカップ', lang: 'ja', relevant: ['Tableware'] },
  { q: '台灯', lang: 'zh', relevant: ['Lighting'] },
  { q: '连衣裙', lang: 'zh', relevant: ['Dresses & Skirts'] },
];
