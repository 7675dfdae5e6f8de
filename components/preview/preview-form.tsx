import Form from 'next/form';
import { languageLabel } from '@/components/catalog/present';
import { buttonClass } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import type { PreviewQuery } from './present';

/**
 * The preview's inputs as a plain GET form (next/form adds client-side navigation when
 * JavaScript runs): the URL holds the whole state, so a preview can be shared.
 */
export function PreviewForm({
  slug,
  query,
  locales,
  segments,
}: {
  slug: string;
  query: PreviewQuery;
  locales: readonly string[];
  /** The workspace's segments: picking one lists some of its shoppers. */
  segments: readonly { id: string; name: string }[];
}) {
  return (
    <Form action={`/${slug}/preview`} aria-label="Preview inputs" className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Field
          id="preview-shopper"
          label="Shopper"
          hint="Customer id, visitor id or exact email (the start of a customer id finds candidates; encrypted emails and names cannot be searched by part). Empty: an anonymous visitor."
        >
          <TextInput
            id="preview-shopper"
            name="shopper"
            type="search"
            defaultValue={query.shopper}
            maxLength={200}
            autoComplete="off"
            hint
          />
        </Field>
        <Field
          id="preview-segment"
          label="Or a shopper from a segment"
          hint={segments.length > 0 ? 'Lists some of its shoppers to pick from.' : 'No segment yet.'}
        >
          <SelectInput
            id="preview-segment"
            name="segment"
            defaultValue={query.segment}
            disabled={segments.length === 0}
            aria-describedby="preview-segment-hint"
          >
            <option value="">No segment</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field id="preview-item" label="Product on screen (optional)" hint="Product id or your store’s id.">
          <TextInput
            id="preview-item"
            name="item"
            defaultValue={query.item}
            maxLength={200}
            autoComplete="off"
            hint
          />
        </Field>
        <Field id="preview-cart" label="Cart (optional)" hint="Product ids, separated by commas.">
          <TextInput
            id="preview-cart"
            name="cart"
            defaultValue={query.cartText}
            maxLength={4000}
            autoComplete="off"
            hint
          />
        </Field>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-56">
          <Field id="preview-locale" label="Language">
            <SelectInput id="preview-locale" name="locale" defaultValue={query.locale}>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {languageLabel(l)} ({l})
                </option>
              ))}
            </SelectInput>
          </Field>
        </div>
        <div className="min-w-0 flex-1">
          <Field
            id="preview-q"
            label="Find products for the context or the cart (optional)"
            hint="Matching products appear below with links to use them."
          >
            <TextInput
              id="preview-q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={200}
              autoComplete="off"
              hint
            />
          </Field>
        </div>
        <button type="submit" className={buttonClass('primary', 'sm:mb-6')}>
          Show recommendations
        </button>
      </div>
    </Form>
  );
}
