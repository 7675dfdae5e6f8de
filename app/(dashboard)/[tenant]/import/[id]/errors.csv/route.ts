import { handleErrorsCsv } from '@/lib/import/routes';

export const dynamic = 'force-dynamic';

/** The rejected rows of an import as CSV (row, field, reason); see lib/import/routes.ts. */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  return handleErrorsCsv(req, tenant, id);
}
