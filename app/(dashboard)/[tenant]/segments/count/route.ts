import { handleCountRoute } from '@/lib/segments/routes';

export const dynamic = 'force-dynamic';

/** The live size of draft segment rules (the builder's preview); see lib/segments/routes.ts. */
export async function POST(req: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  return handleCountRoute(req, tenant);
}
