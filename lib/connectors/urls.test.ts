import { describe, expect, it } from 'vitest';
import {
  assertPublicHost,
  isPrivateAddress,
  normalizeShopDomain,
  normalizeStoreUrl,
  storeGuard,
} from './urls';

describe('store addresses', () => {
  it('normalizes Shopify shop domains', () => {
    expect(normalizeShopDomain('acme')).toEqual({ ok: true, value: 'https://acme.myshopify.com' });
    expect(normalizeShopDomain(' ACME.myshopify.com ')).toEqual({
      ok: true,
      value: 'https://acme.myshopify.com',
    });
    expect(normalizeShopDomain('https://acme.myshopify.com/admin/products')).toEqual({
      ok: true,
      value: 'https://acme.myshopify.com',
    });
    expect(normalizeShopDomain('shop.example.com')).toEqual({ ok: true, value: 'https://shop.example.com' });
    expect(normalizeShopDomain('http://acme.myshopify.com').ok).toBe(false);
    expect(normalizeShopDomain('').ok).toBe(false);
    expect(normalizeShopDomain('10.0.0.5').ok).toBe(false);
    expect(normalizeShopDomain('not a domain!').ok).toBe(false);
  });

  it('normalizes WooCommerce store URLs and insists on https', () => {
    expect(normalizeStoreUrl('https://shop.example.com/')).toEqual({
      ok: true,
      value: 'https://shop.example.com',
    });
    expect(normalizeStoreUrl('https://example.com/shop/wp-json/wc/v3?x=1#y')).toEqual({
      ok: true,
      value: 'https://example.com/shop',
    });
    expect(normalizeStoreUrl('shop.example.com')).toEqual({ ok: true, value: 'https://shop.example.com' });
    const http = normalizeStoreUrl('http://shop.example.com');
    expect(http.ok).toBe(false);
    if (!http.ok) expect(http.message).toMatch(/https/);
    expect(normalizeStoreUrl('https://user:pw@shop.example.com').ok).toBe(false);
  });

  it('accepts local test stores only when allowed', () => {
    expect(normalizeStoreUrl('http://127.0.0.1:8123', true)).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8123',
    });
    expect(normalizeShopDomain('http://127.0.0.1:8123/', true)).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8123',
    });
    expect(normalizeStoreUrl('http://127.0.0.1:8123', false).ok).toBe(false);
    expect(normalizeShopDomain('http://localhost:8123', false).ok).toBe(false);
  });

  it('knows private and loopback addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['23.227.38.65', '8.8.8.8', '2606:4700::6810:85e5'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses store hosts that resolve into a private network', async () => {
    await expect(assertPublicHost('shop.example.com', async () => [{ address: '10.0.0.7' }])).rejects.toThrow(
      /private network/,
    );
    await expect(
      assertPublicHost('shop.example.com', async () => [{ address: '23.227.38.65' }]),
    ).resolves.toBeUndefined();
    await expect(storeGuard('http://127.0.0.1:9', false)()).rejects.toThrow(/not allowed in production/);
    await expect(storeGuard('http://127.0.0.1:9', true)()).resolves.toBeUndefined();
    await expect(storeGuard('http://shop.example.com', true)()).rejects.toThrow(/https/);
  });
});
