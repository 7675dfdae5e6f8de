/**
 * What the snippet sends, seen from the browser: every events POST (body, status, answer) and
 * every recommendations GET (URL, answer), for all pages of a context. Plus a CSP-violation
 * recorder and the publishable-key helper the snippet spec needs.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** One event as the snippet sends it (contract: "API calls → Events"). */
export interface SentEvent {
  eventId: string;
  type: string;
  timestamp?: string;
  productId?: string;
  anonymousId?: string;
  customerId?: string;
  consent?: { analytics?: boolean; personalization?: boolean };
  context?: { url?: string; locale?: string; placement?: string; variant?: string; referrer?: string };
}

export interface EventsPost {
  url: string;
  events: SentEvent[];
  status: number | null;
  answer: { accepted: number; duplicates: number; rejected: number; bots: number } | null;
}

export interface RecItem {
  productId: string;
  externalId: string;
  title: string;
  price: { amountMinor: number; currency: string };
  url: string;
  imageUrl?: string;
}

export interface RecAnswer {
  placement: string | null;
  scenario: string;
  variant?: 'personalized' | 'holdout';
  items: RecItem[];
  widget?: { title: string | null; layout: string };
  model: unknown;
}

export interface RecGet {
  url: URL;
  status: number;
  answer: RecAnswer | null;
}

export interface Traffic {
  posts: EventsPost[];
  recs: RecGet[];
  /** Every event of every POST the server answered 202, in order. */
  accepted(): SentEvent[];
}

function parseEvents(body: string | null): SentEvent[] {
  if (!body) return [];
  try {
    const parsed = JSON.parse(body) as { events?: SentEvent[] };
    return Array.isArray(parsed.events) ? parsed.events : [];
  } catch {
    return [];
  }
}

/**
 * The first recommendations GET matching `pred`, once recorded: the response event reads the body
 * asynchronously, so the widget can be on screen before its request is in `recs`.
 */
export async function recFor(traffic: Traffic, pred: (r: RecGet) => boolean, what: string): Promise<RecGet> {
  await expect.poll(() => traffic.recs.some(pred), { message: what }).toBe(true);
  return traffic.recs.find(pred)!;
}

/**
 * Records the snippet's API traffic to `appOrigin` from every page of `context`. Events go
 * through a route that forwards each POST unchanged (same body, Origin and user agent) and
 * hands the real answer back to the page: the only way to read bodies and answers of keepalive
 * fetches and beacons reliably. Register failure routes after this one and `route.fallback()`.
 */
export async function captureTraffic(context: BrowserContext, appOrigin: string): Promise<Traffic> {
  const posts: EventsPost[] = [];
  const recs: RecGet[] = [];
  await context.route(`${appOrigin}/api/v1/events*`, async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    const post: EventsPost = {
      url: req.url(),
      events: parseEvents(req.postData()),
      status: null,
      answer: null,
    };
    posts.push(post);
    const response = await route.fetch();
    post.answer = await response.json().catch(() => null);
    post.status = response.status(); // set last: a reader that sees the status also sees the answer
    await route.fulfill({ response });
  });
  context.on('response', async (res) => {
    const req = res.request();
    if (req.method() === 'GET' && req.url().startsWith(`${appOrigin}/api/v1/recommendations`)) {
      const answer = await res.json().catch(() => null);
      recs.push({ url: new URL(req.url()), status: res.status(), answer });
    }
  });
  return {
    posts,
    recs,
    accepted: () => posts.filter((p) => p.status === 202).flatMap((p) => p.events),
  };
}

/**
 * Records CSP violations on every page of the test: a `securitypolicyviolation` listener
 * installed before any page script, plus Chromium's console reports.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) fromConsole.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}`,
      );
    });
  });
  return async () => {
    const inPage = await page
      .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      .catch(() => [] as string[]);
    return [...inPage, ...fromConsole];
  };
}

/** Creates a publishable key allowing `origin` through the API keys page; returns pk_…. */
export async function createPublishableKey(page: Page, slug: string, name: string, origin: string) {
  await page.goto(`/${slug}/api-keys`);
  await page.getByRole('radio', { name: /Publishable key/ }).check();
  await page.getByLabel('Allowed origins').fill(origin);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'Publishable key' }).inputValue();
  expect(key).toMatch(/^pk_/);
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  return key;
}

/** A desktop browser's user agent: the events API drops headless and library agents as bots. */
export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/**
 * Sends `events` again as the storefront would. Event ids are stored once, so an answer of
 * all duplicates proves every one of them is already in the database (a missing one would be
 * accepted now, and the caller's expectation fails).
 */
export async function resend(
  request: APIRequestContext,
  appOrigin: string,
  key: string,
  storefrontOrigin: string,
  events: SentEvent[],
) {
  const res = await request.post(`${appOrigin}/api/v1/events?key=${key}`, {
    headers: { Origin: storefrontOrigin, 'User-Agent': BROWSER_UA, 'Content-Type': 'text/plain' },
    data: JSON.stringify({ events }),
  });
  expect(res.status()).toBe(202);
  return (await res.json()) as { accepted: number; duplicates: number; rejected: number; bots: number };
}

/** Unique by event id, first occurrence kept. */
export function uniqueEvents(events: SentEvent[]): SentEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (seen.has(e.eventId)) return false;
    seen.add(e.eventId);
    return true;
  });
}
