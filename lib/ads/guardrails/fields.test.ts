import { describe, expect, it } from 'vitest';
import type { CreativeFields } from '@/lib/ads/types';
import { checkFields } from './fields';
import { candidate, context, englishCreative } from './test-fixtures';

const rsa = context('en', [], { channel: 'google-rsa' });
const reasons = (fields: CreativeFields, ctx = rsa) =>
  checkFields(candidate(fields), ctx)
    .filter((c) => !c.passed)
    .map((c) => c.reason);

describe('fields', () => {
  it('passes a complete creative of every channel', () => {
    for (const channel of ['google-rsa', 'meta', 'email', 'banner'] as const) {
      expect(checkFields(englishCreative(channel), { ...rsa, channel })).toEqual([
        { check: 'fields', passed: true },
      ]);
    }
  });

  it('needs 3..15 headlines and 2..4 descriptions on Google', () => {
    expect(reasons({ headlines: ['a', 'b'], descriptions: ['x', 'y'] })).toEqual([
      'Headlines: 2 texts, needs at least 3',
    ]);
    expect(reasons({ headlines: ['a', 'b', 'c'], descriptions: ['1', '2', '3', '4', '5'] })).toEqual([
      'Descriptions: 5 texts, Google responsive search ad takes at most 4',
    ]);
    expect(reasons({ headlines: ['a', 'b', 'c'] })).toEqual(['Descriptions: missing (needs 2–4)']);
  });

  it('names empty and non-text entries and unknown fields', () => {
    const bad = {
      headlines: ['a', '  ', 7],
      descriptions: ['x', 'y'],
      body: ['z'],
    } as unknown as CreativeFields;
    const checks = checkFields(candidate(bad), rsa).filter((c) => !c.passed);
    expect(checks.map((c) => [c.field, c.reason])).toEqual([
      ['headlines[1]', 'Headline 2 is empty'],
      ['headlines[2]', 'Headline 3 is not text'],
      ['body', "Has a field 'body' that a Google responsive search ad does not have"],
    ]);
  });

  it('allows exactly one subject and preheader in an email', () => {
    const email = { ...rsa, channel: 'email' as const };
    expect(reasons({ subject: ['Hi', 'Hello'], preheader: ['x'] }, email)).toEqual([
      'Subject: 2 texts, Email takes at most 1',
    ]);
  });
});
