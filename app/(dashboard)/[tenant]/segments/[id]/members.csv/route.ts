import { handleCsvRoute } from '@/lib/segments/routes';

export const dynamic = 'force-dynamic';

/** A segment's members as CSV; see lib/segments/routes.ts. */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  return handleCsvRoute(req, tenant, id);
}
