'use client';

import { useState } from 'react';
import { AudienceField, type SegmentOption } from './audience-field';
import { Checkbox, type ErrorsOf, FormField, LinesField, Section } from './form-parts';
import type { PlacementFormValues } from './present';
import { BoostRows, PinRows } from './rule-rows';

/** The business rules of a placement, applied after scoring, in the order they act. */
export function RulesFields({
  values,
  currency,
  errors,
  segments,
}: {
  values: PlacementFormValues;
  currency: string;
  errors: ErrorsOf;
  segments: readonly SegmentOption[];
}) {
  const [excludePurchased, setExcludePurchased] = useState(values.excludePurchased);
  return (
    <div className="space-y-6">
      <Section legend="Audience">
        <AudienceField value={values.audienceSegmentId} segments={segments} errors={errors} />
      </Section>
      <Section legend="Availability and purchases">
        <Checkbox
          id="rule-stock"
          name="rules.excludeOutOfStock"
          label="Hide out-of-stock products"
          defaultChecked={values.excludeOutOfStock}
        />
        <Checkbox
          id="rule-purchased"
          name="rules.excludePurchased.enabled"
          label="Hide products the shopper already bought"
          hint="“Buy again” placements ignore this: showing past purchases is their purpose."
          defaultChecked={values.excludePurchased}
          onChange={setExcludePurchased}
        />
        <div className="max-w-xs">
          <FormField
            id="rule-window"
            name="rules.excludePurchased.repurchaseWindowDays"
            label="Repurchase window (days)"
            hint="Show them again this many days after the purchase. Empty: hide them for good."
            type="number"
            min={1}
            max={3650}
            disabled={!excludePurchased}
            defaultValue={values.repurchaseWindowDays}
            errors={errors}
          />
        </div>
      </Section>

      <Section
        legend="Categories and brands"
        description="One per line. Categories as paths, e.g. “Apparel / Shirts”."
      >
        <div className="grid gap-4 md:grid-cols-2">
          <LinesField
            id="rule-inc-cat"
            name="rules.includeCategories"
            label="Only these categories"
            hint="Empty: all categories."
            defaultValue={values.includeCategories}
            errors={errors}
          />
          <LinesField
            id="rule-exc-cat"
            name="rules.excludeCategories"
            label="Never these categories"
            hint="Subcategories are excluded too."
            defaultValue={values.excludeCategories}
            errors={errors}
          />
          <LinesField
            id="rule-inc-brand"
            name="rules.includeBrands"
            label="Only these brands"
            hint="Empty: all brands."
            defaultValue={values.includeBrands}
            errors={errors}
          />
          <LinesField
            id="rule-exc-brand"
            name="rules.excludeBrands"
            label="Never these brands"
            hint="A brand cannot be in both lists."
            defaultValue={values.excludeBrands}
            errors={errors}
          />
        </div>
      </Section>

      <Section legend="Price and age">
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField
            id="rule-price-min"
            name="priceMin"
            label={`Minimum price (${currency})`}
            inputMode="decimal"
            defaultValue={values.priceMin}
            errors={(n) => (n === 'priceMin' ? errors('rules.priceRange.minMinor') : undefined)}
          />
          <FormField
            id="rule-price-max"
            name="priceMax"
            label={`Maximum price (${currency})`}
            inputMode="decimal"
            defaultValue={values.priceMax}
            errors={(n) => (n === 'priceMax' ? errors('rules.priceRange.maxMinor') : undefined)}
          />
          <FormField
            id="rule-age"
            name="rules.maxProductAgeDays"
            label="Maximum product age (days)"
            hint="Only products published within this many days."
            type="number"
            min={1}
            max={3650}
            defaultValue={values.maxProductAgeDays}
            errors={errors}
          />
        </div>
        <Checkbox
          id="rule-new"
          name="rules.newOnly"
          label="New products only"
          hint="Published in the last 30 days, or within the maximum age when set."
          defaultChecked={values.newOnly}
        />
      </Section>

      <Section
        legend="Boosts and burials"
        description="Multiply the score of matching products: above 1 lifts them, below 1 buries them (e.g. 1.5 or 0.5)."
      >
        <BoostRows initial={values.boosts} errors={errors} />
      </Section>

      <Section
        legend="Pinned products"
        description="Always show these products at these positions (1 is the first slot)."
      >
        <PinRows initial={values.pins} errors={errors} />
      </Section>

      <Section legend="Variety">
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField
            id="rule-per-cat"
            name="rules.diversity.maxPerCategory"
            label="At most per category"
            type="number"
            min={1}
            defaultValue={values.maxPerCategory}
            errors={errors}
          />
          <FormField
            id="rule-per-brand"
            name="rules.diversity.maxPerBrand"
            label="At most per brand"
            type="number"
            min={1}
            defaultValue={values.maxPerBrand}
            errors={errors}
          />
          <FormField
            id="rule-mmr"
            name="rules.diversity.mmrLambda"
            label="Relevance vs. variety (0–1)"
            hint="1: most relevant first. Lower values mix in more varied products (e.g. 0.7)."
            inputMode="decimal"
            defaultValue={values.mmrLambda}
            errors={errors}
          />
        </div>
      </Section>
    </div>
  );
}
