import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Logo } from '@/components/shell/logo';
import { NAV } from '@/components/shell/nav';
import { NavLinks } from '@/components/shell/nav-links';
import { WorkspaceSwitcher } from '@/components/shell/workspace-switcher';
import { getDb } from '@/db/client';
import { signOutAction } from '@/lib/auth/actions';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant, listWorkspacesForUser } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page) notFound();
  const db = await getDb();
  const [tenant, workspaces] = await Promise.all([
    getTenant(db, page.ctx),
    listWorkspacesForUser(db, page.user.id),
  ]);
  if (!tenant) notFound();
  const sections = NAV.map((s) => ({
    ...s,
    items: s.items.filter((i) => hasPermission(page.ctx, i.permission)),
  })).filter((s) => s.items.length);
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white lg:fixed lg:inset-y-0 lg:w-64 lg:overflow-y-auto lg:border-b-0 lg:border-r">
        <div className="flex h-full flex-col gap-6 p-4">
          <Link href={`/${slug}`} className="px-2" aria-label="Tailor overview">
            <Logo />
          </Link>
          <WorkspaceSwitcher current={{ slug, name: tenant.name }} workspaces={workspaces} />
          <NavLinks slug={slug} sections={sections} />
          <div className="mt-auto border-t border-slate-200 pt-4">
            <p className="truncate px-3 text-sm font-medium text-slate-800">{page.user.name}</p>
            <p className="truncate px-3 text-xs text-slate-500">
              {page.user.email} · {ROLE_LABELS[page.ctx.role]}
            </p>
            <form action={signOutAction} className="mt-2">
              <button
                type="submit"
                className="w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-8 lg:ml-64 lg:px-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
