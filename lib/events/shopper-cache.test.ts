import { describe, expect, it } from 'vitest';
import { ShopperCache } from './shopper-cache';

describe('ShopperCache', () => {
  it('expires anonymous entries sooner than customer entries', () => {
    let t = 0;
    const c = new ShopperCache({ anonymousTtlMs: 1_000, customerTtlMs: 10_000, now: () => t });
    c.setCustomer('t1', 'cust', 's-1');
    c.setAnonymous('t1', 'anon', { shopperId: 's-2', linked: false });
    expect(c.customer('t1', 'cust')).toBe('s-1');
    expect(c.anonymous('t1', 'anon')).toEqual({ shopperId: 's-2', linked: false });
    expect(c.customer('t2', 'cust')).toBeUndefined(); // per tenant
    t = 1_001;
    expect(c.anonymous('t1', 'anon')).toBeUndefined();
    expect(c.customer('t1', 'cust')).toBe('s-1');
    t = 10_001;
    expect(c.customer('t1', 'cust')).toBeUndefined();
  });

  it('stays within its size bound and forgets tenants', () => {
    const c = new ShopperCache({ maxPerTenant: 10 });
    for (let i = 0; i < 25; i++) c.setAnonymous('t', `a${i}`, { shopperId: `s${i}`, linked: false });
    expect(c.anonymous('t', 'a24')).toBeDefined();
    expect(c.anonymous('t', 'a0')).toBeUndefined();
    c.forgetTenant('t');
    expect(c.anonymous('t', 'a24')).toBeUndefined();
  });
});
