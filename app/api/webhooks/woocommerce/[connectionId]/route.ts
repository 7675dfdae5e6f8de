import { handleWebhook } from '@/lib/connectors/webhooks';

export const dynamic = 'force-dynamic';

/** WooCommerce webhooks for one connection, verified with X-WC-Webhook-Signature (lib/connectors/webhooks.ts). */
export async function POST(req: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  return handleWebhook('woocommerce', connectionId, req);
}
