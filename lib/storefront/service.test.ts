// Storefront settings through the service and the form action: defaults, coercion, field errors,
// permissions, audit and tenant isolation. Both database drivers.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { STOREFRONT_DEFAULTS } from './schemas';
import { getStorefrontSettings, productUrl, updateStorefrontSettings } from './service';

vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

describe.each(testDrivers())('storefront settings (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('starts from the defaults, saves coerced form values and audits', async () => {
    const { ctx } = await createTestTenant(db(), 'sf-a');
    const { ctx: other } = await createTestTenant(db(), 'sf-b');
    expect(await getStorefrontSettings(db(), ctx)).toEqual({ ...STOREFRONT_DEFAULTS, theme: {} });
    const saved = await updateStorefrontSettings(db(), ctx, {
      attributionWindowDays: '14',
      holdoutPercent: '12.5',
      theme: { accent: '#1f6feb', font: 'Inter, sans-serif', radius: '6', text: '' },
      productUrlTemplate: 'https://shop.example/p/{handle}',
    });
    expect(saved).toMatchObject({
      attributionWindowDays: 14,
      holdoutShare: 0.125,
      theme: { accent: '#1f6feb', font: 'Inter, sans-serif', radius: 6 },
      productUrlTemplate: 'https://shop.example/p/{handle}',
    });
    expect(saved.theme).not.toHaveProperty('text');
    // The other workspace keeps its defaults.
    expect((await getStorefrontSettings(db(), other)).attributionWindowDays).toBe(7);
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'storefront.updated')));
    expect(audit).toHaveLength(1);
  });

  it('rejects bad values with field messages and refuses viewers', async () => {
    const { ctx } = await createTestTenant(db(), 'sf-c');
    const bad = {
      attributionWindowDays: '0',
      holdoutPercent: '80',
      theme: { accent: 'red; background: url(x)', font: 'x}; body{display:none' },
      productUrlTemplate: 'javascript:alert(1)//{id}',
    };
    const error = await updateStorefrontSettings(db(), ctx, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors ?? {}).sort()).toEqual([
      'attributionWindowDays',
      'holdoutPercent',
      'productUrlTemplate',
      'theme.accent',
      'theme.font',
    ]);
    const viewer = { ...ctx, role: 'viewer' as const };
    await expect(updateStorefrontSettings(db(), viewer, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('productUrl', () => {
  it('fills the template, URL-encodes, and prefers the product’s own URL', () => {
    expect(productUrl('/products/{id}', { externalId: 'a b/1', attributes: {} })).toBe('/products/a%20b%2F1');
    expect(productUrl('/p/{handle}', { externalId: '9', attributes: { handle: 'red-mug' } })).toBe(
      '/p/red-mug',
    );
    expect(productUrl('/p/{id}', { externalId: '9', attributes: { url: 'https://shop.example/mug' } })).toBe(
      'https://shop.example/mug',
    );
    expect(productUrl('/p/{id}', { externalId: '9', attributes: { url: 'javascript:x' } })).toBe('/p/9');
  });
});
