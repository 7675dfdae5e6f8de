import { describe, expect, it } from 'vitest';
import { createLexicalEmbedder, embedLexical, LEXICAL_DIMENSIONS, LEXICAL_SPACE } from './lexical';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('lexical embedder', () => {
  const embedder = createLexicalEmbedder();

  it('describes its space', () => {
    expect(embedder.space).toBe(LEXICAL_SPACE);
    expect(embedder.space).toBe('lexical@1');
    expect(embedder.kind).toBe('lexical');
    expect(embedder.dimensions).toBe(512);
    expect(embedder.maxBatch).toBeGreaterThan(0);
  });

  it('is deterministic and unit length', () => {
    const a = embedLexical('Linen shirt, white, regular fit');
    const b = embedLexical('Linen shirt, white, regular fit');
    expect(a).toHaveLength(LEXICAL_DIMENSIONS);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(norm(a)).toBeCloseTo(1, 5);
  });

  it('gives the same vectors in a batch as one by one, whatever the role', async () => {
    const texts = ['linen shirt', 'Lederstiefel braun', '麻のシャツ', 'café crème'];
    const batch = await embedder.embed(texts, 'passage');
    for (const [i, t] of texts.entries()) {
      const [single] = await embedder.embed([t], 'query');
      expect(Array.from(batch[i]!)).toEqual(Array.from(single!));
    }
  });

  it('folds accents and case: café, Cafe and CAFÉ are one vector', () => {
    const v = Array.from(embedLexical('café'));
    expect(Array.from(embedLexical('cafe'))).toEqual(v);
    expect(Array.from(embedLexical('CAFÉ'))).toEqual(v);
  });

  it('scores related texts above unrelated ones', () => {
    const q = embedLexical('linen shirt');
    expect(dot(q, embedLexical('Linen shirt, white'))).toBeGreaterThan(dot(q, embedLexical('leather boots')));
    // Inflections and compounds share n-grams, so they partially match.
    expect(dot(embedLexical('shirts'), embedLexical('shirt'))).toBeGreaterThan(0.2);
    expect(dot(embedLexical('Leinenhemd'), embedLexical('Leinen'))).toBeGreaterThan(0.2);
  });

  it('tokenizes CJK text by characters and bigrams', () => {
    const shirt = embedLexical('麻のシャツ');
    expect(norm(shirt)).toBeCloseTo(1, 5);
    const similar = dot(shirt, embedLexical('麻の白いシャツ'));
    expect(similar).toBeGreaterThan(0.5);
    expect(similar).toBeGreaterThan(dot(shirt, embedLexical('革のブーツ')));
    // A Latin letter touching katakana does not swallow it.
    expect(dot(embedLexical('Tシャツ'), embedLexical('シャツ'))).toBeGreaterThan(0.5);
  });

  it('gives zero vectors for empty and letterless texts', () => {
    for (const t of ['', '   ', '😀🎉', '!!! ---']) {
      expect(embedLexical(t).every((v) => v === 0)).toBe(true);
    }
  });

  it('survives emoji, mixed scripts and a 1 MB text', () => {
    const mixed = embedLexical('👕 Shirt Рубашка 셔츠 シャツ 衬衫 قميص 🔥🔥');
    expect(norm(mixed)).toBeCloseTo(1, 5);
    const huge = embedLexical('Lorem ipsum dolor 😀 麻のシャツ café '.repeat(40_000));
    expect(huge).toHaveLength(LEXICAL_DIMENSIONS);
    expect(norm(huge)).toBeCloseTo(1, 5);
    // A lone surrogate at the cut does not matter either.
    expect(norm(embedLexical(`${'a'.repeat(99_999)}😀 tail`))).toBeCloseTo(1, 5);
  });
});
