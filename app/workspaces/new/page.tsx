import Link from 'next/link';
import { Logo } from '@/components/shell/logo';
import { CreateWorkspaceForm } from '@/components/workspace/create-workspace-form';
import { requireUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New workspace' };

export default async function NewWorkspacePage() {
  await requireUser();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8" aria-label="Tailor home">
        <Logo />
      </Link>
      <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-1 text-xl font-semibold">Create a workspace</h1>
        <p className="mb-6 text-sm text-slate-600">
          One workspace per store or brand. Its data is never visible from another workspace.
        </p>
        <CreateWorkspaceForm />
      </div>
    </main>
  );
}
