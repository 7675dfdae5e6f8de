/** The browser side of event delivery: the queue over sessionStorage, fetch(keepalive) and sendBeacon. */
import { STORAGE } from './constants';
import type { WireEvent } from './events';
import { createQueue } from './queue';
import { readJson, writeJson } from './storage';

/** A queue that posts to `<api>/api/v1/events?key=<pk>` and survives page changes in the tab. */
export function createTransport(api: string, key: string) {
  const url = `${api}/api/v1/events?key=${encodeURIComponent(key)}`;
  // Kept in memory too, so a tab without sessionStorage still batches and retries.
  let memory: WireEvent[] = readJson<WireEvent[]>('sessionStorage', STORAGE.queue, []);
  const body = (batch: WireEvent[]) => JSON.stringify({ events: batch });
  return createQueue({
    load: () => memory,
    save: (items) => {
      memory = items;
      writeJson('sessionStorage', STORAGE.queue, items);
    },
    // A string body is sent as text/plain: a "simple" request, so no CORS preflight.
    send: (batch) =>
      fetch(url, {
        method: 'POST',
        body: body(batch),
        keepalive: true,
        mode: 'cors',
        credentials: 'omit',
      }).then(
        (r) => r.status,
        () => null,
      ),
    beacon: (batch) => {
      try {
        return navigator.sendBeacon(url, body(batch));
      } catch {
        return false;
      }
    },
    now: () => Date.now(),
    warn: (m) => console.warn(m),
  });
}
