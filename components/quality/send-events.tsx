import Link from 'next/link';
import { curlExample } from './present';

/** How to send data: API keys, the events API by curl, and the storefront variant. */
export function SendEventsHelp({ slug, appUrl }: { slug: string; appUrl: string }) {
  return (
    <div className="space-y-3 text-left text-sm text-slate-700">
      <p>
        Create a secret key on the{' '}
        <Link className="font-medium text-brand-700 underline" href={`/${slug}/api-keys`}>
          API keys
        </Link>{' '}
        page and send behaviour events from your servers (up to 500 per request; each needs a unique{' '}
        <code className="font-mono text-xs">eventId</code>, so retries are never counted twice):
      </p>
      <section
        aria-label="Example: send an event with curl"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
        tabIndex={0}
        className="overflow-x-auto rounded-lg bg-slate-900 p-4"
      >
        <pre className="font-mono text-xs leading-relaxed text-slate-100">
          <code>{curlExample(appUrl)}</code>
        </pre>
      </section>
      <p>
        The answer counts what was <em>accepted</em>, what were <em>duplicates</em> and what was{' '}
        <em>rejected</em>, with a reason per rejected event. From a storefront, use a publishable key instead
        (<code className="font-mono text-xs">POST {appUrl}/api/v1/events?key=pk_…</code>) from one of the
        key’s allowed origins. Catalog, customer and order files go through the file import.
      </p>
    </div>
  );
}
