import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { compileSegmentRules } from './compile';

const dialect = new PgDialect();
const render = (rules: unknown) => dialect.sqlToQuery(compileSegmentRules(rules));
const one = (field: string, op: string, value?: unknown) =>
  render({ match: 'all', conditions: [{ field, op, value }] });

function failure(rules: unknown): AppError {
  try {
    compileSegmentRules(rules);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('compileSegmentRules', () => {
  it.each([
    ['gt', '>'],
    ['gte', '>='],
    ['lt', '<'],
    ['lte', '<='],
    ['eq', '='],
    ['neq', 'is distinct from'],
  ])('compiles number operator %s to %s with a bound value', (op, symbol) => {
    const q = one('churn', op, 0.6);
    expect(q.sql).toContain(`x.kind = 'churn')`);
    expect(q.sql).toContain(` ${symbol} $1`);
    expect(q.params).toEqual([0.6]);
  });

  it('accepts numeric strings from forms', () => {
    expect(one('orders', 'gte', '3').params).toEqual([3]);
  });

  it('compiles in / not_in as one parameter per value, case-folded for codes', () => {
    const q = one('country', 'in', ['DE', 'at']);
    expect(q.sql).toContain('lower(s.country) in ($1, $2)');
    expect(q.params).toEqual(['de', 'at']);
    const n = one('country', 'not_in', ['DE']);
    expect(n.sql).toContain('s.country is null or lower(s.country) not in ($1)');
  });

  it('compiles eq/neq on enums exactly and is_set / is_not_set without parameters', () => {
    const q = one('rfmSegment', 'eq', 'champions');
    expect(q.sql).toContain('(p.rfm_segment = $1)');
    expect(q.params).toEqual(['champions']);
    expect(one('rfmSegment', 'neq', 'lost').sql).toContain('p.rfm_segment is distinct from $1');
    expect(one('topBrand', 'is_set').sql).toContain('(p.top_brand is not null)');
    expect(one('topBrand', 'is_not_set').sql).toContain('(p.top_brand is null)');
    expect(one('topBrand', 'is_set').params).toEqual([]);
  });

  it('reads days-ago fields relative to now', () => {
    const q = one('lastSeenAt', 'gt', 30);
    expect(q.sql).toContain('extract(epoch from (now() - s.last_seen_at)) / 86400.0');
    expect(q.params).toEqual([30]);
  });

  it('reads the top predicted category from the preference score', () => {
    expect(one('preferenceCategory', 'eq', 'Shoes').sql).toContain(
      "detail->'top'->0->>'category' from shopper_scores x where x.tenant_id = s.tenant_id",
    );
  });

  it('joins with and / or and adds the cluster', () => {
    const rules = {
      match: 'any',
      conditions: [
        { field: 'churn', op: 'gt', value: 0.5 },
        { field: 'orders', op: 'lt', value: 2 },
      ],
    };
    expect(render(rules).sql).toMatch(/\) or \(/);
    expect(render({ ...rules, match: 'all' }).sql).toMatch(/\) and \(/);
    const c = render({ match: 'all', conditions: [], cluster: 2 });
    expect(c.sql).toBe('(p.cluster = $1 and (true))');
    expect(c.params).toEqual([2]);
  });

  it('keeps an injection attempt a parameter', () => {
    const evil = "DE') or 1=1; drop table shoppers; --";
    const q = one('country', 'eq', evil);
    expect(q.sql).not.toContain('drop table');
    expect(q.params).toEqual([evil.toLowerCase()]);
    const field = failure({ match: 'all', conditions: [{ field: 's.id) or (1=1', op: 'eq', value: 'x' }] });
    expect(field.message).toContain('unknown field');
  });

  it('names the condition for unknown fields, operators and bad values', () => {
    const f = failure({
      match: 'all',
      conditions: [
        { field: 'churn', op: 'gt', value: 1 },
        { field: 'shoeSize', op: 'eq', value: 1 },
      ],
    });
    expect(f.code).toBe('validation_failed');
    expect(f.message).toBe('Condition 2: unknown field “shoeSize”.');
    expect(f.fieldErrors?.['rules.conditions.1.field']).toEqual([f.message]);
    expect(failure({ match: 'all', conditions: [{ field: 'country', op: 'gt', value: 'DE' }] }).message).toBe(
      'Condition 1: Country cannot use the operator “gt”.',
    );
    expect(failure({ match: 'all', conditions: [{ field: 'churn', op: 'gt', value: 'high' }] }).message).toBe(
      'Condition 1: enter a number.',
    );
    expect(failure({ match: 'all', conditions: [{ field: 'country', op: 'in', value: [] }] }).message).toBe(
      'Condition 1: enter at least one value.',
    );
    expect(
      failure({ match: 'all', conditions: [{ field: 'rfmSegment', op: 'eq', value: 'vip' }] }).message,
    ).toBe('Condition 1: “vip” is not a value of RFM segment.');
    expect(failure({ match: 'all', conditions: [{ field: 'churn', op: 'between', value: 1 }] }).code).toBe(
      'validation_failed',
    );
  });

  it('matches everyone without conditions', () => {
    expect(render({ match: 'all', conditions: [] }).sql).toBe('(true)');
  });
});
