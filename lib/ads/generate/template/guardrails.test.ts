import { beforeAll, describe, expect, it } from 'vitest';
import { AD_CHANNELS, CAMPAIGN_OBJECTIVES } from '@/db/schema/ads';
import { prepareGuardrails, runGuardrails, seenKeys } from '@/lib/ads/guardrails';
import { AD_LOCALES, type GenerationRequest, type GuardrailContext } from '@/lib/ads/types';
import { sampleRequest } from './fixtures';
import { createTemplateGenerator } from './index';

const generator = createTemplateGenerator();

function contextFor(request: GenerationRequest): GuardrailContext {
  return {
    channel: request.channel,
    locale: request.locale,
    products: request.products,
    brandName: request.brandName,
    bannedWords: request.bannedWords,
    requiredTerms: request.requiredTerms,
    seen: new Set(),
  };
}

beforeAll(async () => {
  await prepareGuardrails();
});

// The template engine's output is meant to pass every guardrail by construction; a failure here
// is either a template bug or a check that misreads honest copy.
describe('template creatives pass the guardrails', () => {
  it.each(AD_LOCALES)(
    '%s: every channel and objective, the candidates of one call side by side',
    async (locale) => {
      for (const channel of AD_CHANNELS) {
        for (const objective of CAMPAIGN_OBJECTIVES) {
          const request = sampleRequest(locale, channel, {
            objective,
            count: 3,
            requiredTerms: ['Tailor Store'],
            bannedWords: ['cheap', 'billig'],
          });
          const ctx = contextFor(request);
          for (const candidate of await generator.generate(request)) {
            const { passed, checks } = runGuardrails(candidate, ctx);
            const failed = checks.filter((c) => !c.passed);
            expect(passed, `${JSON.stringify(candidate.fields)}\n${JSON.stringify(failed)}`).toBe(true);
            // Accepted: later candidates of the same call must not repeat its texts.
            for (const key of seenKeys(candidate.fields, channel)) ctx.seen.add(key);
          }
        }
      }
    },
  );

  it('passes with yen prices and a product without brand or category', async () => {
    const request = sampleRequest('ja', 'google-rsa', { count: 3 });
    request.products = request.products.map((p) => ({ ...p, currency: 'JPY', brand: null, category: null }));
    const ctx = contextFor(request);
    for (const candidate of await generator.generate(request)) {
      const { passed, checks } = runGuardrails(candidate, ctx);
      expect(
        passed,
        JSON.stringify({ fields: candidate.fields, failed: checks.filter((c) => !c.passed) }),
      ).toBe(true);
      for (const key of seenKeys(candidate.fields, 'google-rsa')) ctx.seen.add(key);
    }
  });
});
