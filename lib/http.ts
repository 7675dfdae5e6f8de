/**
 * The client IP from proxy headers (first X-Forwarded-For hop, then X-Real-IP).
 * Behind no proxy the custom server sets X-Forwarded-For from the socket address itself.
 */
export function clientIp(headers: HeaderReader): string {
  const xff = headers.get('x-forwarded-for');
  if (xff) return xff.split(',')[0]!.trim();
  return headers.get('x-real-ip')?.trim() || 'unknown';
}

/** What the hot handlers read of request headers: a Web `Headers` is one, and so is the fast path's view of Node's headers. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What the hot GET handlers read of a request: a Web `Request` is one; the custom server's fast
 * path passes a lighter view of Node's request (no Headers copy, no body stream, no AbortSignal).
 */
export interface RequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
}

/** An answer the fast path writes as it is (no web stream); `toWebResponse` makes it a Response. */
export interface PlainResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string | Uint8Array | null;
}

export function toWebResponse(r: PlainResponse): Response {
  // A Uint8Array is a valid body; TypeScript's DOM types only accept one over a plain ArrayBuffer.
  return new Response(r.body as BodyInit | null, { status: r.status, headers: r.headers });
}
