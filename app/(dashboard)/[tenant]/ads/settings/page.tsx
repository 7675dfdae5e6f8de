import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdSettingsForm } from '@/components/ads/settings-form';
import { TestProvider } from '@/components/ads/test-provider';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getAdSettingsView } from '@/lib/ads/service';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Ad settings' };

export default async function AdSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const settings = await getAdSettingsView(await getDb(), ctx);
  const canWrite = hasPermission(ctx, 'ads.manage');
  return (
    <>
      <PageHeader
        title="Ad settings"
        description="Who writes the ad copy and the rules it must follow. The template engine works offline in ten languages; a model endpoint or a local model can write freer copy. Every provider’s output passes the same checks."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Provider and copy rules" className="lg:col-span-2">
          <AdSettingsForm slug={ctx.slug} settings={settings} canWrite={canWrite} />
        </Card>
        <Card
          title="Try it"
          description="One sample in the language and channel you choose, with its checks. Save first: the test uses the saved settings."
        >
          {canWrite ? (
            <TestProvider slug={ctx.slug} brandName={settings.brandName} />
          ) : (
            <p className="text-sm text-slate-600">Only owners, admins and marketers can run a test.</p>
          )}
        </Card>
      </div>
    </>
  );
}
