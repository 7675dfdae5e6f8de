import type { ReactNode } from 'react';
import { Logo } from '@/components/shell/logo';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        {children}
      </div>
      <p className="mt-6 max-w-md text-center text-xs text-slate-500">
        Tailor turns your catalog, orders and shopper behaviour into personalized recommendations, predictions
        and ad copy.
      </p>
    </main>
  );
}
