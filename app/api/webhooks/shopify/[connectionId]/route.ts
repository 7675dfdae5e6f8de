import { handleWebhook } from '@/lib/connectors/webhooks';

export const dynamic = 'force-dynamic';

/** Shopify webhooks for one connection, verified with X-Shopify-Hmac-Sha256 (lib/connectors/webhooks.ts). */
export async function POST(req: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  return handleWebhook('shopify', connectionId, req);
}
