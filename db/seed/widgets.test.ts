import { describe, expect, it } from 'vitest';
import { generateDemoStore } from './generate';
import { DAY_MS } from './timeline';
import { WIDGET_PLACEMENTS, WIDGET_RATES } from './widgets';

const NOW = new Date('2026-05-15T10:00:00Z');
const TENANT = '00000000-0000-4000-8000-0000000000aa';

describe('demo widget traffic', () => {
  const store = generateDemoStore({ tenantId: TENANT, now: NOW, scale: 0.1 });
  const widget = store.events.filter((e) => e.type === 'rec_impression' || e.type === 'rec_click');
  const variant = (e: (typeof widget)[number]) => (e.context as { variant?: string }).variant;

  it('has impressions and clicks in both arms, about a tenth in the holdout', () => {
    const imp = widget.filter((e) => e.type === 'rec_impression');
    const holdout = imp.filter((e) => variant(e) === 'holdout').length;
    expect(imp.filter((e) => variant(e) === 'personalized').length).toBeGreaterThan(1000);
    expect(holdout).toBeGreaterThan(50);
    expect(holdout / imp.length).toBeGreaterThan(0.03);
    expect(holdout / imp.length).toBeLessThan(0.25);
    const clicks = widget.filter((e) => e.type === 'rec_click');
    expect(new Set(clicks.map(variant))).toEqual(new Set(['personalized', 'holdout']));
    expect(clicks.every((e) => e.productId && e.shopperId)).toBe(true);
  });

  it('uses the default placement keys, keeps one arm per shopper and stays in the last 60 days', () => {
    const keys = new Set(Object.values(WIDGET_PLACEMENTS) as string[]);
    expect(widget.every((e) => keys.has((e.context as { placement: string }).placement))).toBe(true);
    const arm = new Map<string, string | undefined>();
    for (const e of widget) {
      const seen = arm.get(e.shopperId!);
      expect(seen === undefined || seen === variant(e)).toBe(true);
      arm.set(e.shopperId!, variant(e));
    }
    const from = NOW.getTime() - (WIDGET_RATES.days + 3) * DAY_MS;
    expect(widget.every((e) => e.occurredAt.getTime() >= from && e.occurredAt < NOW)).toBe(true);
  });

  it('gives every placement clicks that end in a cart and clicks that do not', () => {
    // As the Performance page counts them: the same shopper adds the same product after the click.
    const carts = new Map<string, number[]>();
    for (const e of store.events)
      if (e.type === 'add_to_cart') {
        const key = `${e.shopperId}|${e.productId}`;
        carts.set(key, [...(carts.get(key) ?? []), e.occurredAt.getTime()]);
      }
    const endsInCart = (e: (typeof widget)[number]) =>
      (carts.get(`${e.shopperId}|${e.productId}`) ?? []).some(
        (t) => t >= e.occurredAt.getTime() && t - e.occurredAt.getTime() <= 7 * DAY_MS,
      );
    for (const placement of Object.values(WIDGET_PLACEMENTS)) {
      const clicks = widget.filter(
        (e) => e.type === 'rec_click' && (e.context as { placement: string }).placement === placement,
      );
      const toCart = clicks.filter(endsInCart).length;
      expect(toCart, placement).toBeGreaterThan(0);
      expect(toCart, placement).toBeLessThan(clicks.length);
    }
  });

  it('is deterministic', () => {
    const again = generateDemoStore({ tenantId: TENANT, now: NOW, scale: 0.1 });
    const w2 = again.events.filter((e) => e.type === 'rec_impression' || e.type === 'rec_click');
    expect(w2.length).toBe(widget.length);
    const sig = (e: (typeof widget)[number]) =>
      `${e.type}|${e.shopperId}|${e.productId}|${e.occurredAt.toISOString()}|${JSON.stringify(e.context)}`;
    expect(w2.map(sig)).toEqual(widget.map(sig));
  });
});
