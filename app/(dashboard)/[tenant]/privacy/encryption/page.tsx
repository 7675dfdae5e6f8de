import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { EncRotateButton } from '@/components/privacy/enc-rotate-button';
import { EncCoverage, EncExplainer, EncJob, EncKeyVersions } from '@/components/privacy/enc-status';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getEncryptionStatus } from '@/lib/privacy/encryption-status';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Encryption' };

export default async function EncryptionPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const { ctx } = page;
  const status = await getEncryptionStatus(await getDb(), ctx);
  const running = status.job !== null && ['queued', 'running'].includes(status.job.status);

  return (
    <>
      <PageHeader
        title="Encryption"
        description="Field-level encryption of shoppers’ personal data: coverage, data key versions and rotation."
        actions={status.canManage ? <EncRotateButton slug={ctx.slug} /> : null}
      />
      <div className="space-y-6">
        <AutoRefresh active={running} />
        <EncCoverage coverage={status.coverage} />
        <EncJob job={status.job} />
        <EncKeyVersions versions={status.versions} />
        <EncExplainer />
      </div>
    </>
  );
}
