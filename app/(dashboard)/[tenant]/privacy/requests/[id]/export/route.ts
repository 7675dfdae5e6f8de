import { getDb } from '@/db/client';
import { errorResponse } from '@/lib/api/respond';
import { sessionTenant } from '@/lib/api/session-route';
import { downloadRequestExport, exportFileResponse } from '@/lib/privacy/requests/export';

export const dynamic = 'force-dynamic';

/** An access request's export: `?format=json`, or `?format=csv&section=<name>`; audited. */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  try {
    const ctx = await sessionTenant(req, tenant, 'privacy.manage');
    const q = new URL(req.url).searchParams;
    const format =
      q.get('format') === 'csv'
        ? { kind: 'csv' as const, section: q.get('section') ?? '' }
        : { kind: 'json' as const };
    return exportFileResponse(await downloadRequestExport(await getDb(), ctx, id, format));
  } catch (error) {
    return errorResponse(error);
  }
}
