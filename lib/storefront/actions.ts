'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import type { StorefrontSettings } from './schemas';
import { updateStorefrontSettings } from './service';

/** Form fields → the settings input: `theme.<field>` dotted names become the theme object. */
function fromForm(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const theme: Record<string, unknown> = {};
  let hasTheme = false;
  for (const [k, v] of Object.entries(input)) {
    if (k.startsWith('theme.')) {
      theme[k.slice(6)] = v;
      hasTheme = true;
    } else if (k !== 'tenant') out[k] = v;
  }
  if (hasTheme) out.theme = theme;
  return out;
}

const update = tenantAction('data.write', async (db, ctx, input) =>
  updateStorefrontSettings(db, ctx, fromForm(input)),
);

/**
 * Saves storefront settings. Fields: `tenant`, and any of `attributionWindowDays`,
 * `holdoutPercent` (0–50), `defaultTitle`, `productUrlTemplate`, `theme.accent`, `theme.text`,
 * `theme.background`, `theme.font`, `theme.radius`, `theme.reasons` (the widget's reason line).
 */
export async function updateStorefrontSettingsAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<StorefrontSettings>> {
  return update(prev, formData);
}
