'use client';

import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { connectStoreAction } from '@/lib/connectors/actions';

/** Connects a WooCommerce store: URL, REST API consumer key and secret, optional webhook secret and name. */
export function ConnectWooForm({ slug }: { slug: string }) {
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
      aria-labelledby="connect-woo-heading"
    >
      <h3 id="connect-woo-heading" className="text-sm font-semibold text-slate-900">
        WooCommerce
      </h3>
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="platform" value="woocommerce" />
      <Field
        id="woo-url"
        label="Store URL"
        hint="The address of your WordPress site, starting with https://."
        errors={err('storeUrl')}
      >
        <TextInput
          id="woo-url"
          name="storeUrl"
          type="url"
          required
          autoComplete="url"
          spellCheck={false}
          placeholder="https://shop.example.com"
          hint
          errors={err('storeUrl')}
        />
      </Field>
      <Field
        id="woo-key"
        label="Consumer key"
        hint="WooCommerce → Settings → Advanced → REST API → Add key, with Read permission. Starts with ck_."
        errors={err('consumerKey')}
      >
        <TextInput
          id="woo-key"
          name="consumerKey"
          required
          autoComplete="off"
          spellCheck={false}
          hint
          errors={err('consumerKey')}
        />
      </Field>
      <Field
        id="woo-secret"
        label="Consumer secret"
        hint="Shown next to the key once. Starts with cs_."
        errors={err('consumerSecret')}
      >
        <TextInput
          id="woo-secret"
          name="consumerSecret"
          type="password"
          required
          autoComplete="off"
          hint
          errors={err('consumerSecret')}
        />
      </Field>
      <Field
        id="woo-webhook-secret"
        label="Webhook secret (optional)"
        hint="Any secret phrase; enter the same one in each WooCommerce webhook. Needed for live updates."
        errors={err('webhookSecret')}
      >
        <TextInput
          id="woo-webhook-secret"
          name="webhookSecret"
          type="password"
          autoComplete="off"
          hint
          errors={err('webhookSecret')}
        />
      </Field>
      <Field id="woo-name" label="Name (optional)" hint="Defaults to the site's name." errors={err('name')}>
        <TextInput id="woo-name" name="name" maxLength={80} autoComplete="off" hint errors={err('name')} />
      </Field>
      {failed && !failed.fieldErrors ? <FormMessage state={failed} /> : null}
      {state?.ok ? (
        <FormMessage state={state} success={`Connected “${state.data.name}”. The first sync has started.`} />
      ) : null}
      <PendingButton pending={pending} pendingText="Checking the store…">
        Connect WooCommerce
      </PendingButton>
    </form>
  );
}
