'use client';

import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { connectStoreAction } from '@/lib/connectors/actions';

/** Connects a Shopify shop: domain, Admin API access token, optional webhook secret and name. */
export function ConnectShopifyForm({ slug }: { slug: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(connectStoreAction, (_data, form) =>
    form.reset(),
  );
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => fieldErrors(failed, name);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-labelledby="connect-shopify-heading"
    >
      <h3 id="connect-shopify-heading" className="text-sm font-semibold text-slate-900">
        Shopify
      </h3>
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="platform" value="shopify" />
      <Field
        id="shopify-domain"
        label="Shop domain"
        hint="For example your-shop.myshopify.com."
        errors={err('shopDomain')}
      >
        <TextInput
          id="shopify-domain"
          name="shopDomain"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="your-shop.myshopify.com"
          hint
          errors={err('shopDomain')}
        />
      </Field>
      <Field
        id="shopify-token"
        label="Admin API access token"
        hint="Shopify admin → Settings → Apps and sales channels → Develop apps → your app → API credentials. It needs read_products, read_customers and read_orders (read_all_orders for orders older than 60 days)."
        errors={err('accessToken')}
      >
        <TextInput
          id="shopify-token"
          name="accessToken"
          type="password"
          required
          autoComplete="off"
          hint
          errors={err('accessToken')}
        />
      </Field>
      <Field
        id="shopify-webhook-secret"
        label="Webhook signing secret (optional)"
        hint="The app's API secret key, which signs its webhooks. Without it, live updates are refused; you can add it later."
        errors={err('webhookSecret')}
      >
        <TextInput
          id="shopify-webhook-secret"
          name="webhookSecret"
          type="password"
          autoComplete="off"
          hint
          errors={err('webhookSecret')}
        />
      </Field>
      <Field
        id="shopify-name"
        label="Name (optional)"
        hint="Defaults to the shop's name."
        errors={err('name')}
      >
        <TextInput
          id="shopify-name"
          name="name"
          maxLength={80}
          autoComplete="off"
          hint
          errors={err('name')}
        />
      </Field>
      {failed && !failed.fieldErrors ? <FormMessage state={failed} /> : null}
      {state?.ok ? (
        <FormMessage state={state} success={`Connected “${state.data.name}”. The first sync has started.`} />
      ) : null}
      <PendingButton pending={pending} pendingText="Checking the store…">
        Connect Shopify
      </PendingButton>
    </form>
  );
}
