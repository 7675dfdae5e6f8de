import { handleUpload } from '@/lib/import/routes';

export const dynamic = 'force-dynamic';

/** Upload of an import file (raw body, streamed to disk); see lib/import/routes.ts. */
export async function POST(req: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  return handleUpload(req, tenant);
}
