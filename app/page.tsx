import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { listWorkspacesForUser } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';

/** Home: the user's first workspace, or the page to create one. */
export default async function Home() {
  const user = await requireUser();
  const [first] = await listWorkspacesForUser(await getDb(), user.id);
  redirect(first ? `/${first.slug}` : '/workspaces/new');
}
