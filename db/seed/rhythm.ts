/** The rhythms of shopping the simulation follows: weekdays, hours, devices, traffic channels. */

/** Sessions per weekday relative to the mean, Sunday first: busy Sunday evenings, quiet Fridays. */
export const DOW_VISITS = [1.22, 1.04, 0.98, 0.96, 0.97, 0.88, 1.08] as const;
/** Conversion per weekday relative to the mean, Sunday first. */
export const DOW_CONVERSION = [1.12, 1.04, 1.0, 0.98, 0.97, 0.92, 1.0] as const;
/** Relative session starts per local hour, 0–23. */
export const HOURS_WEEKDAY = [
  0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.8, 1, 1, 1, 1.1, 1.4, 1.3, 1, 1, 1.1, 1.3, 1.6, 1.9, 2.1, 2, 1.5,
  0.8,
];
export const HOURS_WEEKEND = [
  0.5, 0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.3, 0.6, 1, 1.3, 1.4, 1.4, 1.3, 1.2, 1.2, 1.2, 1.3, 1.5, 1.8, 2,
  1.9, 1.4, 0.9,
];
export const DEVICE_CONVERSION = { mobile: 0.85, tablet: 1.0, desktop: 1.3 } as const;
export const CUSTOMER_CHANNELS = ['direct', 'search', 'email', 'social', 'ads'] as const;
export const CUSTOMER_CHANNEL_WEIGHTS = [0.34, 0.24, 0.12, 0.12, 0.18];
export const VISITOR_CHANNELS = ['direct', 'search', 'social', 'ads'] as const;
export const VISITOR_CHANNEL_WEIGHTS = [0.1, 0.35, 0.25, 0.3];

// Contexts shared by many events (never mutated): fewer objects for the garbage collector.
export const EMPTY: Record<string, unknown> = Object.freeze({});
export const CHECKOUT: Record<string, unknown> = Object.freeze({ page: 'checkout' });
export const ORDERS_PAGE: Record<string, unknown> = Object.freeze({
  page: 'account/orders',
  channel: 'email',
});
export const SOURCE: Record<'search' | 'category' | 'home' | 'product', Record<string, unknown>> = {
  search: Object.freeze({ source: 'search' }),
  home: Object.freeze({ source: 'home' }),
  category: Object.freeze({ source: 'category' }),
  product: Object.freeze({ source: 'product' }),
};
