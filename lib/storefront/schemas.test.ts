import { describe, expect, it } from 'vitest';
import { storefrontSettingsInputSchema } from './schemas';

describe('storefront settings: the "show why" switch (issue 8)', () => {
  it('reads a checked box as on, a missing one as unset, and booleans from the API', () => {
    const parse = (theme: Record<string, unknown>) => storefrontSettingsInputSchema.parse({ theme }).theme;
    expect(parse({ reasons: 'on' })?.reasons).toBe(true);
    expect(parse({})?.reasons).toBeUndefined();
    expect(parse({ reasons: false })?.reasons).toBe(false);
    expect(parse({ reasons: true })?.reasons).toBe(true);
  });

  it('refuses anything else with a clear message', () => {
    const r = storefrontSettingsInputSchema.safeParse({ theme: { reasons: 'maybe' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Show why is on or off.');
  });
});
