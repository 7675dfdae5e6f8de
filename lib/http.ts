/**
 * The client IP from proxy headers (first X-Forwarded-For hop, then X-Real-IP).
 * Behind no proxy the custom server sets X-Forwarded-For from the socket address itself.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  if (xff) return xff.split(',')[0]!.trim();
  return headers.get('x-real-ip')?.trim() || 'unknown';
}
