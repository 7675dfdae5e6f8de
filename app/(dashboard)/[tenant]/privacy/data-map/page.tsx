import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DataMapTables } from '@/components/privacy/datamap-table';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { dataMapByTable } from '@/lib/privacy/data-map';
import { getPrivacySettings } from '@/lib/privacy/settings';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Data map' };

export default async function DataMapPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const settings = await getPrivacySettings(await getDb(), page.ctx);
  return (
    <>
      <PageHeader
        title="Data map"
        description="Every field Tailor stores about shoppers and members: what it is for, the legal basis, how long it is kept (with this workspace’s retention settings) and whether it is encrypted. Generated from the schema’s annotations; a test keeps it complete."
      />
      <DataMapTables tables={dataMapByTable(settings)} />
    </>
  );
}
