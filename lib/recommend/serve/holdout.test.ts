import { describe, expect, it } from 'vitest';
import { assignVariant, hash32 } from './holdout';

const ids = Array.from({ length: 2_000 }, (_, i) => `visitor-${i}-${(i * 7919) % 1000}`);
const heldOut = (tenant: string, share: number) =>
  ids.filter((id) => assignVariant(tenant, id, share) === 'holdout').length;

describe('holdout assignment', () => {
  it('is stable per visitor and tenant, and differs between tenants', () => {
    for (const id of ids.slice(0, 50)) {
      expect(assignVariant('t1', id, 0.5)).toBe(assignVariant('t1', id, 0.5));
    }
    const differs = ids.filter((id) => assignVariant('t1', id, 0.5) !== assignVariant('t2', id, 0.5));
    expect(differs.length).toBeGreaterThan(500);
    expect(hash32('t1:a')).toBe(hash32('t1:a'));
    expect(hash32('t1:a')).not.toBe(hash32('t1:b'));
  });

  it('holds nobody out at share 0 and about the share otherwise (2,000 ids)', () => {
    expect(heldOut('tenant-a', 0)).toBe(0);
    // Binomial(2000, 0.5): sd ≈ 22, so ±110 is five standard deviations.
    const half = heldOut('tenant-a', 0.5);
    expect(half).toBeGreaterThan(890);
    expect(half).toBeLessThan(1_110);
    // Binomial(2000, 0.1): sd ≈ 13.4.
    const tenth = heldOut('tenant-b', 0.1);
    expect(tenth).toBeGreaterThan(133);
    expect(tenth).toBeLessThan(267);
  });

  it('moves only visitors near the boundary when the share grows', () => {
    const small = ids.filter((id) => assignVariant('t', id, 0.1) === 'holdout');
    expect(small.every((id) => assignVariant('t', id, 0.3) === 'holdout')).toBe(true);
  });
});
