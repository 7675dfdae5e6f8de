import { CURRENCIES, LOCALES } from '@/lib/workspace/schemas';
import type { SettingsOptions } from './settings-form';

/** Choices for the settings form, named in English (computed on the server, so no hydration drift). */
export function settingsOptions(): SettingsOptions {
  const languages = new Intl.DisplayNames('en', { type: 'language' });
  const currencies = new Intl.DisplayNames('en', { type: 'currency' });
  return {
    currencies: CURRENCIES.map((code) => ({ code, label: currencies.of(code) ?? code })),
    locales: LOCALES.map((code) => ({ code, label: languages.of(code) ?? code })),
    timeZones: ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')],
  };
}
