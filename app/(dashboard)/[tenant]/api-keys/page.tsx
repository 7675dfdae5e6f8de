import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CreateKeyForm } from '@/components/apikeys/create-key-form';
import { KeyKindsExplainer } from '@/components/apikeys/key-kinds';
import { KeysTable } from '@/components/apikeys/keys-table';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listApiKeys } from '@/lib/apikeys/queries';
import { knownScopes } from '@/lib/apikeys/scopes';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatRelative } from '@/lib/format';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API keys' };

const DESCRIPTION = 'Keys connect your shop and your servers to this workspace.';

export default async function ApiKeysPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page) notFound();
  const { ctx } = page;

  if (!hasPermission(ctx, 'apikeys.read')) {
    return (
      <>
        <PageHeader title="API keys" description={DESCRIPTION} />
        <Card>
          <EmptyState title="Only owners and admins manage API keys">
            Ask an owner or admin of this workspace if you need a key for the REST API or the storefront
            snippet.
          </EmptyState>
        </Card>
      </>
    );
  }

  const db = await getDb();
  const [tenant, keys] = await Promise.all([getTenant(db, ctx), listApiKeys(db, ctx)]);
  if (!tenant) notFound();
  const tz = tenant.timeZone;
  const now = Date.now();
  const canCreate = hasPermission(ctx, 'apikeys.create');
  const canRevoke = hasPermission(ctx, 'apikeys.revoke');

  return (
    <>
      <PageHeader title="API keys" description={DESCRIPTION} />
      <div className="space-y-6">
        {canCreate ? (
          <Card title="Create a key" description="The full key is shown once, right after you create it.">
            <CreateKeyForm slug={ctx.slug} />
          </Card>
        ) : null}
        <Card title="Keys">
          {keys.length === 0 ? (
            <EmptyState title="No API keys yet" action={<KeyKindsExplainer />}>
              Create a key to connect Tailor to your shop. There are two kinds:
            </EmptyState>
          ) : (
            <KeysTable
              slug={ctx.slug}
              canRevoke={canRevoke}
              keys={keys.map((k) => ({
                id: k.id,
                name: k.name,
                kind: k.kind,
                prefix: k.prefix,
                allowedOrigins: k.allowedOrigins,
                scopes: knownScopes(k.scopes),
                created: formatDate(k.createdAt, 'en', tz),
                lastUsed: k.lastUsedAt ? formatRelative(k.lastUsedAt, now) : 'Never',
                revoked: k.revokedAt ? formatDateTime(k.revokedAt, 'en', tz) : null,
              }))}
            />
          )}
        </Card>
      </div>
    </>
  );
}
