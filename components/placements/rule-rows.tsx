'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { type ErrorsOf, FormField } from './form-parts';
import type { BoostRow, PinRow } from './present';

/**
 * Repeating rows (boosts, pins). Each row keeps a stable React key while the index in its field
 * names follows its position, so the server's error paths (`rules.boosts.1.factor`) land on the
 * row the merchant sees second. One blank row is always offered, so the form also works before
 * the script has loaded; the server drops a trailing blank row.
 */
function useRows<T>(initial: T[], blank: T) {
  const next = useRef(initial.length + 1);
  const [rows, setRows] = useState(() => [...initial, blank].map((value, i) => ({ id: i, value })));
  return {
    rows,
    add: () => setRows((r) => [...r, { id: next.current++, value: blank }]),
    remove: (id: number) => setRows((r) => r.filter((row) => row.id !== id)),
  };
}

export function BoostRows({ initial, errors }: { initial: BoostRow[]; errors: ErrorsOf }) {
  const { rows, add, remove } = useRows<BoostRow>(initial, { attribute: '', equals: '', factor: '' });
  return (
    <div className="space-y-3">
      {rows.map(({ id, value }, i) => {
        const p = `rules.boosts.${i}`;
        return (
          <fieldset key={id} className="grid gap-3 sm:grid-cols-[1fr_1fr_8rem_auto] sm:items-end">
            <legend className="sr-only">Boost {i + 1}</legend>
            <FormField
              id={`boost-${id}-attr`}
              name={`${p}.attribute`}
              label="Looks at"
              list="boost-attributes"
              placeholder="brand, category or an attribute"
              defaultValue={value.attribute}
              errors={errors}
            />
            <FormField
              id={`boost-${id}-eq`}
              name={`${p}.equals`}
              label="Equals"
              defaultValue={value.equals}
              errors={errors}
            />
            <FormField
              id={`boost-${id}-factor`}
              name={`${p}.factor`}
              label="Factor"
              inputMode="decimal"
              placeholder="1.5"
              defaultValue={value.factor}
              errors={errors}
            />
            <Button variant="ghost" onClick={() => remove(id)} aria-label={`Remove boost ${i + 1}`}>
              Remove
            </Button>
          </fieldset>
        );
      })}
      <datalist id="boost-attributes">
        <option value="brand" />
        <option value="category" />
      </datalist>
      <Button variant="secondary" onClick={add}>
        Add a boost
      </Button>
    </div>
  );
}

export function PinRows({ initial, errors }: { initial: PinRow[]; errors: ErrorsOf }) {
  const { rows, add, remove } = useRows<PinRow>(initial, { productId: '', position: '' });
  return (
    <div className="space-y-3">
      {rows.map(({ id, value }, i) => {
        const p = `rules.pins.${i}`;
        return (
          <fieldset key={id} className="grid gap-3 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
            <legend className="sr-only">Pin {i + 1}</legend>
            <FormField
              id={`pin-${id}-product`}
              name={`${p}.productId`}
              label="Product ID"
              defaultValue={value.productId}
              errors={errors}
            />
            <FormField
              id={`pin-${id}-position`}
              name={`${p}.position`}
              label="Position"
              type="number"
              min={1}
              max={100}
              defaultValue={value.position}
              errors={errors}
            />
            <Button variant="ghost" onClick={() => remove(id)} aria-label={`Remove pin ${i + 1}`}>
              Remove
            </Button>
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={add}>
        Add a pin
      </Button>
    </div>
  );
}
