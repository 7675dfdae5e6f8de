import Form from 'next/form';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { getDb } from '@/db/client';
import { getProduct } from '@/lib/catalog/queries';
import { AppError } from '@/lib/errors';
import { explainItem } from '@/lib/recommend/explain/item';
import type { TenantContext } from '@/lib/tenant/context';
import { ItemExplanationPanel } from './item-explanation';

/**
 * The "Per item" tab: find a product by its id or the store's id, then why it is recommended
 * (the per-item explanation panel). Another workspace's product is simply not found.
 */
export async function ItemExplanations({
  ctx,
  product,
  locale,
}: {
  ctx: TenantContext;
  /** Product id or the store's id; '' when none was asked. */
  product: string;
  locale: string;
}) {
  const db = await getDb();
  const row = product ? await getProduct(db, ctx, product) : null;
  let explanation: Awaited<ReturnType<typeof explainItem>> | null = null;
  let message: string | null =
    product && !row ? `Product not found: no product “${product}” in this workspace.` : null;
  if (row) {
    try {
      explanation = await explainItem(db, ctx, row.id, { locale });
      if (!explanation) message = `Product not found: no product “${product}” in this workspace.`;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      message = e.message;
    }
  }
  return (
    <div className="space-y-6">
      <Card title="Find a product">
        <Form
          action={`/${ctx.slug}/explanations`}
          aria-label="Find a product"
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
        >
          <input type="hidden" name="view" value="item" />
          <div className="min-w-0 flex-1">
            <Field id="explain-product" label="Product" hint="Tailor product id or your store’s product id.">
              <TextInput
                id="explain-product"
                name="product"
                type="search"
                defaultValue={product}
                maxLength={200}
                autoComplete="off"
                hint
              />
            </Field>
          </div>
          <button type="submit" className={buttonClass('primary')}>
            Explain
          </button>
        </Form>
      </Card>
      {message ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {message}
        </p>
      ) : null}
      {explanation ? (
        <ItemExplanationPanel explanation={explanation} locale={locale} slug={ctx.slug} />
      ) : null}
    </div>
  );
}
