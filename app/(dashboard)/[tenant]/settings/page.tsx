import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { settingsOptions } from '@/components/settings/options';
import { SettingsForm } from '@/components/settings/settings-form';
import { SettingsView } from '@/components/settings/settings-view';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page) notFound();
  const { ctx } = page;
  const tenant = await getTenant(await getDb(), ctx);
  if (!tenant) notFound();
  const values = {
    name: tenant.name,
    currency: tenant.currency,
    locale: tenant.locale,
    supportedLocales: tenant.supportedLocales,
    timeZone: tenant.timeZone,
  };
  const options = settingsOptions();

  return (
    <>
      <PageHeader
        title="Settings"
        description="How this workspace names itself, counts money, speaks and tells time."
      />
      <Card title="Workspace" description={`Address: /${tenant.slug}`}>
        {hasPermission(ctx, 'settings.update') ? (
          <SettingsForm slug={ctx.slug} values={values} options={options} />
        ) : (
          <SettingsView values={values} options={options} />
        )}
      </Card>
    </>
  );
}
