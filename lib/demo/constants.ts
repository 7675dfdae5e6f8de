// Kept apart from the generator so light modules (CLI, sign-in page) need not load it.

/** The public demo login (shown on the sign-in page while the demo workspace exists). */
export const DEMO_EMAIL = 'demo@tailor.local';
export const DEMO_PASSWORD = 'tailor-demo-2026';
export const DEMO_USER_NAME = 'Demo User';
export const DEMO_SLUG = 'demo';
export const DEMO_WORKSPACE_NAME = 'Demo Store';
export const DEMO_SETTINGS = {
  currency: 'EUR',
  locale: 'en',
  supportedLocales: ['en', 'de', 'fr', 'es', 'ja', 'zh'],
  timeZone: 'Europe/Berlin',
} as const;
