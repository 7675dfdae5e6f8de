import Link from 'next/link';

// Rendered per request so its scripts carry the request's CSP nonce (proxy.ts) and hydrate.
export const dynamic = 'force-dynamic';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        This page or workspace does not exist, or you are not a member of it.
      </p>
      <Link href="/" className={buttonClass('secondary', 'mt-6')}>
        Back to your workspaces
      </Link>
    </main>
  );
}
