import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NewRequestForm } from '@/components/privacy/requests-new-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New privacy request' };

export default async function NewPrivacyRequestPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.manage')) notFound();
  return (
    <>
      <PageHeader
        title="New privacy request"
        description="Record a request a shopper made by email, phone or letter. Verify their identity next; nothing is exported or erased before that."
      />
      <Card>
        <NewRequestForm slug={page.ctx.slug} />
      </Card>
    </>
  );
}
