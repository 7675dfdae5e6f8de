/**
 * Names shared by the browser bundles and the install text (lib/snippet/install.ts), so the
 * snippet and what merchants paste can never disagree.
 */

/** Path of the loader on the app origin (`<script src="<app>/t.js">`). */
export const LOADER_PATH = '/t.js';
/** Path of the main bundle the loader appends (with `?v=<build id>`). */
export const MAIN_PATH = '/tailor.js';
/** Attribute that marks a widget slot; its value is the placement key. */
export const MARKER_ATTR = 'data-tailor-placement';
/** localStorage / sessionStorage keys; every key starts with `tailor.` so withdrawal can find them. */
/** `why`: the store shows a reason line under each item (learned from the last answer). */
export const STORAGE = {
  aid: 'tailor.aid',
  recent: 'tailor.recent',
  queue: 'tailor.q',
  why: 'tailor.why',
} as const;
/**
 * The optional inline queue stub, byte for byte (its CSP hash is computed from this text).
 * Commands called before t.js loads wait in `tailor.q`.
 */
export const INLINE_STUB =
  'window.tailor=window.tailor||function(){(tailor.q=tailor.q||[]).push(arguments)};';
/** Events sent per request and the most kept while the API is unreachable. */
export const BATCH_SIZE = 20;
export const QUEUE_CAP = 200;
/** Recently viewed product ids kept (with personalization consent only). */
export const RECENT_CAP = 20;
