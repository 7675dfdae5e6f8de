import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LISTS, parseThreshold } from '@/components/predictions/lists';
import { ListHeader } from '@/components/predictions/list-header';
import { ScoredShopperList } from '@/components/predictions/scored-list';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'At risk' };

export default async function AtRiskPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ min?: string | string[] }>;
}) {
  const [{ tenant: slug }, { min }] = await Promise.all([params, searchParams]);
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const list = LISTS.churn;
  return (
    <>
      <ListHeader slug={slug} list={list} />
      <ScoredShopperList ctx={page.ctx} kind="churn" threshold={parseThreshold(min, list.threshold)} />
    </>
  );
}
