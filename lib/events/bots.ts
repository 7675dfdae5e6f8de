/**
 * Bot detection by user agent: crawlers, monitors, headless browsers and HTTP libraries. Their
 * events are counted (`bots`) and dropped, so they never train a model or skew a report.
 * Deliberately conservative: a shopper's real browser must never match.
 */
const BOT_PATTERN = new RegExp(
  [
    'bot\\b',
    'bot[/_-]',
    'crawl',
    'spider',
    'slurp',
    'scrap(er|y)',
    'headless',
    'phantomjs',
    'selenium',
    'puppeteer',
    'playwright',
    'lighthouse',
    'pagespeed',
    'pingdom',
    'uptimerobot',
    'statuscake',
    'facebookexternalhit',
    'embedly',
    'bingpreview',
    'mediapartners',
    'feedfetcher',
    '^curl/',
    '^wget/',
    '^python-(requests|urllib)',
    '^aiohttp',
    '^go-http-client',
    '^java/',
    '^okhttp',
    '^axios/',
    '^node-fetch',
    '^libwww-perl',
    '^apache-httpclient',
    '^httpie',
    '^postmanruntime',
  ].join('|'),
  'i',
);

/** True when `userAgent` looks like a crawler, monitor, headless browser or HTTP library. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  if (!userAgent) return false;
  return BOT_PATTERN.test(userAgent);
}
