import { CopyField } from '@/components/ui/form-kit';
import type { ConnectionCard } from './present';

/** Where and how to register this connection's webhooks in the store. */
export function WebhookSetup({ card }: { card: ConnectionCard }) {
  const shopify = card.platform === 'shopify';
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <CopyField
        label="Webhook URL"
        value={card.webhookUrl}
        hint="Deliveries without a valid signature are refused; a repeated delivery is applied once."
      />
      {shopify ? (
        <p>
          In your app's configuration in Shopify (or Settings → Notifications → Webhooks), subscribe each
          topic below to this URL in JSON format. Shopify signs the deliveries with the app's API secret key:
          save that key as the webhook signing secret here. The three privacy topics are mandatory for Shopify
          apps.
        </p>
      ) : (
        <p>
          In WordPress, open WooCommerce → Settings → Advanced → Webhooks → Add webhook, once per topic below:
          status Active, this URL as the delivery URL, the webhook secret you saved here as the secret, API
          version WP REST API Integration v3.
        </p>
      )}
      <ul aria-label="Topics to subscribe" className="flex flex-wrap gap-1.5">
        {card.webhookTopics.map((t) => (
          <li key={t} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
            {t}
          </li>
        ))}
      </ul>
      <p className={card.webhookSecretSet ? 'text-emerald-800' : 'text-amber-900'}>
        {card.webhookSecretSet
          ? 'A webhook secret is saved for this store.'
          : 'No webhook secret is saved yet: deliveries are refused until you add one under “Replace credentials”.'}
      </p>
    </div>
  );
}
