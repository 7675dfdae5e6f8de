import { withApiKey } from '@/lib/api/with-api-key';
import { notFound } from '@/lib/errors';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/workspace — the key's workspace and its settings. */
export const GET = withApiKey('data:read', async (_req, ctx, db) => {
  const t = await getTenant(db, ctx);
  if (!t) throw notFound('Workspace not found');
  return Response.json({
    id: t.id,
    slug: t.slug,
    name: t.name,
    currency: t.currency,
    locale: t.locale,
    supportedLocales: t.supportedLocales,
    timeZone: t.timeZone,
  });
});
