import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ImportsTable } from '@/components/import/imports-table';
import { importState } from '@/components/import/present';
import { UploadForm } from '@/components/import/upload-form';
import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listImports } from '@/lib/import/queries';
import { MAX_UPLOAD_BYTES } from '@/lib/import/storage';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import data' };

export default async function ImportPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const db = await getDb();
  const [tenant, imports] = await Promise.all([
    getTenant(db, page.ctx),
    listImports(db, page.ctx, { limit: 50 }),
  ]);
  if (!tenant) notFound();
  const canWrite = hasPermission(page.ctx, 'data.write');
  const active = imports.some((i) => importState(i).active);
  return (
    <>
      <PageHeader
        title="Import data"
        description="Bring products, customers, orders and events in from files. Imports are checked row by row, run in the background, and can be repeated safely: records are matched by their IDs, so importing the same file twice changes nothing."
      />
      <div className="space-y-6">
        {canWrite ? (
          <Card
            title="Upload a file"
            description="After the upload you choose how the columns map and check the first rows; nothing is written until you start the import."
          >
            <UploadForm
              slug={slug}
              maxMb={MAX_UPLOAD_BYTES / (1024 * 1024)}
              defaultCurrency={tenant.currency}
            />
          </Card>
        ) : null}
        <Card
          title="Imports"
          description="The latest 50 imports of this workspace."
          actions={<AutoRefresh active={active} />}
        >
          <ImportsTable slug={slug} imports={imports} locale={tenant.locale} timeZone={tenant.timeZone} />
        </Card>
      </div>
    </>
  );
}
