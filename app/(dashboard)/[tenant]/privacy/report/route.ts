import { getDb } from '@/db/client';
import { sessionTenant } from '@/lib/api/session-route';
import { errorResponse } from '@/lib/api/respond';
import { buildComplianceReport } from '@/lib/privacy/report';

export const dynamic = 'force-dynamic';

/** `GET /<slug>/privacy/report`: the compliance report as a downloadable HTML file (privacy.read). */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string }> }) {
  try {
    const { tenant } = await params;
    const ctx = await sessionTenant(req, tenant, 'privacy.read');
    const { filename, html } = await buildComplianceReport(await getDb(), ctx);
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
