import { getDb } from '@/db/client';
import { exportCampaignCsv } from '@/lib/ads/service';
import { sessionTenant } from '@/lib/api/session-route';
import { errorResponse } from '@/lib/api/respond';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const FORMATS = ['google-ads-editor', 'meta'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `GET /<slug>/ads/<id>/export?format=google-ads-editor|meta`: the campaign's approved creatives
 * as a bulk-upload CSV (UTF-8 with BOM). Another workspace's campaign is not found; a creative
 * that would break the format is a 422 naming it.
 */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  try {
    const ctx = await sessionTenant(req, tenant, 'data.read');
    const format = new URL(req.url).searchParams.get('format') ?? 'google-ads-editor';
    if (!(FORMATS as readonly string[]).includes(format))
      throw new AppError('bad_request', 'Choose the google-ads-editor or meta format.');
    const { filename, csv } = await exportCampaignCsv(await getDb(), ctx, id, format as Format);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
