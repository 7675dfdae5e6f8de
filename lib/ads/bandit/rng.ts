/**
 * Seeded randomness for the bandit: a uniform source (the project's mulberry32), normal, gamma
 * (Marsaglia–Tsang) and beta draws. Every draw goes through an explicit `Rng`, so a simulation, a
 * report or a test gives the same numbers on every machine; the serving path may pass Math.random.
 */
import { seededRandom } from '@/lib/recommend/eval/metrics';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** A seeded uniform source (mulberry32); the seed is taken modulo 2³². */
export function createRng(seed: number): Rng {
  return seededRandom(seed);
}

/** FNV-1a (32-bit) of a string, e.g. to derive a seed from an id: an integer in [0, 2³²). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite). */
export function sampleNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang (2000). Shapes below 1 use the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a), since the squeeze needs a ≥ 1.
 * @throws RangeError when shape is not a positive finite number.
 */
export function sampleGamma(rng: Rng, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) {
    const boost = (1 - rng()) ** (1 / shape);
    return sampleGamma(rng, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    // The cheap squeeze accepts ~98 % of draws without a logarithm.
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); in [0, 1].
 * @throws RangeError when a or b is not positive.
 */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a);
  const y = sampleGamma(rng, b);
  const sum = x + y;
  // Both underflow only for tiny shapes; the mean is the honest answer then.
  return sum > 0 ? x / sum : a / (a + b);
}
