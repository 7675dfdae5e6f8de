/**
 * Helpers for the snippet spec that look into a storefront page: the widget in its shadow root,
 * the snippet's storage, and an events endpoint that fails on demand.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { SentEvent } from './traffic';

type TailorFn = (...args: unknown[]) => void;
/** Calls the page's `tailor(...)` (evaluation is not subject to the page's CSP). */
export const tailor = (page: Page, ...args: unknown[]) =>
  page.evaluate((a) => (window as unknown as { tailor: TailorFn }).tailor(...a), args);

/** The marker element (the widget's shadow host) of a placement. */
export const marker = (page: Page, placement: string) =>
  page.locator(`[data-tailor-placement="${placement}"]`);

/** Waits until the widget of `placement` has rendered its items. */
export async function rendered(page: Page, placement: string) {
  await expect(marker(page, placement)).toHaveAttribute('data-tailor-state', 'rendered');
}

/** The widget's links as the shopper sees them (Playwright's CSS pierces open shadow roots). */
export async function widgetLinks(page: Page, placement: string) {
  return marker(page, placement)
    .locator('a[data-product-id]')
    .evaluateAll((links) =>
      links.map((a) => ({
        id: a.getAttribute('data-product-id'),
        href: a.getAttribute('href'),
        text: a.textContent ?? '',
      })),
    );
}

/** localStorage keys the snippet owns (all start with `tailor.`). */
export const localTailorKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tailor.')));

/** Fails event POSTs while `offline()` says so, recording the ids of every failed one. */
export async function flakyEvents(
  context: BrowserContext,
  appOrigin: string,
  offline: (n: number) => boolean,
) {
  const failedIds: string[] = [];
  let n = 0;
  await context.route(`${appOrigin}/api/v1/events*`, async (route) => {
    n += 1;
    if (route.request().method() === 'POST' && offline(n)) {
      const body = JSON.parse(route.request().postData() ?? '{}') as { events?: SentEvent[] };
      failedIds.push(...(body.events ?? []).map((e) => e.eventId));
      await route.abort('connectionfailed');
    } else {
      await route.fallback(); // to captureTraffic's route, which records and forwards it
    }
  });
  return failedIds;
}

/** Event ids waiting in the snippet's sessionStorage queue. */
export const queuedIds = (page: Page) =>
  page.evaluate(() =>
    (JSON.parse(sessionStorage.getItem('tailor.q') ?? '[]') as { eventId: string }[]).map((e) => e.eventId),
  );

/** What the shopper sees of the widget: sizes and computed styles inside the shadow root. */
export function widgetLook(page: Page, placement: string) {
  return marker(page, placement).evaluate((host) => {
    const root = host.shadowRoot!;
    const pick = (el: Element | null, props: string[]): Record<string, string | number> | null => {
      if (!el) return null;
      const cs = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const styles: Record<string, string> = Object.fromEntries(
        props.map((p) => [p, cs.getPropertyValue(p)]),
      );
      return { width: Math.round(box.width), height: Math.round(box.height), ...styles };
    };
    return {
      section: pick(root.querySelector('section'), ['display', 'box-sizing']),
      title: pick(root.querySelector('h2'), ['display', 'font-size', 'color']),
      list: pick(root.querySelector('ul'), ['display', 'list-style-type']),
      item: pick(root.querySelector('li'), ['display']),
      link: pick(root.querySelector('a'), [
        'font-size',
        'font-family',
        'line-height',
        'color',
        'pointer-events',
      ]),
      image: pick(root.querySelector('img'), ['filter']),
    };
  });
}
