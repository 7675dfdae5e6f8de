/** Web storage that never throws (storage can be disabled, full, or blocked in private modes). */

type Area = 'localStorage' | 'sessionStorage';

function area(name: Area): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}

/** Reads a JSON value, or `fallback` when absent or unreadable. */
export function readJson<T>(name: Area, key: string, fallback: T): T {
  try {
    const raw = area(name)?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Writes a JSON value; silently skipped when storage is unavailable. */
export function writeJson(name: Area, key: string, value: unknown): void {
  try {
    area(name)?.setItem(key, JSON.stringify(value));
  } catch {
    // quota or disabled storage: the value lives in memory only for this page
  }
}

/** Removes every `tailor.*` key from localStorage (consent withdrawn). */
export function clearLocal(): void {
  const ls = area('localStorage');
  if (!ls) return;
  try {
    for (let i = ls.length - 1; i >= 0; i--) {
      const k = ls.key(i);
      if (k?.startsWith('tailor.')) ls.removeItem(k);
    }
  } catch {
    // nothing stored we could remove
  }
}
