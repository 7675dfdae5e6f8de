import { describe, expect, it } from 'vitest';
import type { BinaryEvaluation, ClassifierMetrics } from '@/lib/predict/types';
import {
  binaryRows,
  binaryVerdict,
  evaluationOf,
  fallbackLabel,
  fallbackOf,
  formatMetric,
  formatPercent,
  formatSigned,
  headlineMetric,
  isRuleMethod,
  methodLabel,
  protocolText,
} from './present';

function metrics(auc: number, over: Partial<ClassifierMetrics> = {}): ClassifierMetrics {
  return {
    auc,
    prAuc: 0.61234,
    brier: 0.2012,
    logLoss: 0.5899,
    n: 3370,
    positives: 1451,
    baseRate: 0.4306,
    calibration: [],
    liftByDecile: [],
    ...over,
  };
}

function binary(
  modelAuc: number,
  recencyAuc: number,
  over: Partial<BinaryEvaluation> = {},
): BinaryEvaluation {
  return {
    kind: 'churn',
    method: 'logistic-gam',
    protocol: 'temporal',
    asOf: '2011-09-10T00:00:00.000Z',
    trainAsOf: '2011-06-12T00:00:00.000Z',
    horizonDays: 90,
    model: metrics(modelAuc, { aucCi: [0.7412, 0.7788] }),
    baselines: { baseRate: metrics(0.5, { brier: 0.2452 }), recency: metrics(recencyAuc) },
    featureImportance: [],
    ...over,
  };
}

describe('figures', () => {
  it('formats metrics, percentages and signed differences, with a dash when missing', () => {
    expect(formatMetric(0.73512)).toBe('0.735');
    expect(formatMetric(undefined)).toBe('–');
    expect(formatMetric(Number.NaN)).toBe('–');
    expect(formatPercent(0.7234)).toBe('72%');
    expect(formatPercent(0.001)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('–');
    expect(formatSigned(0.0521)).toBe('+0.052');
    expect(formatSigned(-0.0042)).toBe('−0.004');
    expect(formatSigned(0.0001)).toBe('±0.000');
  });

  it('names methods and recognises the rule-based fallback', () => {
    expect(methodLabel('rule-recency')).toBe('Rule-based (days since last activity)');
    expect(methodLabel('gbdt-v2')).toBe('gbdt-v2');
    expect(isRuleMethod('rule-recency')).toBe(true);
    expect(isRuleMethod('rule')).toBe(true);
    expect(isRuleMethod('ruler')).toBe(false);
    expect(isRuleMethod('historical-rate')).toBe(true);
    expect(isRuleMethod('logistic-gam')).toBe(false);
    expect(isRuleMethod('bgnbd-gamma-gamma')).toBe(false);
  });
});

describe('evaluationOf', () => {
  it('accepts a stored evaluation of the right kind and refuses other shapes', () => {
    const e = binary(0.76, 0.68);
    expect(evaluationOf('churn', e)).toBe(e);
    expect(evaluationOf('propensity', e)).toBeNull();
    expect(evaluationOf('churn', {})).toBeNull();
    expect(evaluationOf('churn', { kind: 'churn', model: {} })).toBeNull();
    expect(evaluationOf('clv', { kind: 'clv', mae: 1200 })).not.toBeNull();
    expect(evaluationOf('preference', { kind: 'preference', hitRateAt1: 0.3 })).toBeNull();
    expect(evaluationOf('preference', null)).toBeNull();
  });
});

describe('binary evaluation', () => {
  it('lists the model, the recency rule and the base rate with their metrics', () => {
    const rows = binaryRows(binary(0.7634, 0.683));
    expect(rows.map((r) => r.key)).toEqual(['model', 'recency', 'baseRate']);
    expect(rows[0]).toMatchObject({
      label: 'Model: Logistic GAM (smooth curves per feature)',
      auc: '0.763',
      prAuc: '0.612',
      brier: '0.201',
      n: 3370,
      baseRate: '43%',
      aucCi: '95% CI [0.741, 0.779]',
    });
    expect(rows[1]?.auc).toBe('0.683');
    expect(rows[1]?.aucCi).toBeNull();
  });

  it('says the model beats the recency rule only when it does, by how much', () => {
    const good = binaryVerdict(binary(0.7634, 0.683));
    expect(good.tone).toBe('good');
    expect(good.text).toContain('Beats the recency rule: AUC 0.763 vs 0.683 (+0.080)');
    expect(good.text).toContain('Brier 0.201 vs 0.245 for the base rate');

    const bad = binaryVerdict(binary(0.66, 0.683));
    expect(bad.tone).toBe('bad');
    expect(bad.text).toContain('Does not beat the recency rule: AUC 0.660 vs 0.683 (−0.023)');

    const tie = binaryVerdict(binary(0.688, 0.683));
    expect(tie.tone).toBe('neutral');
    expect(tie.text).toContain('About as good as the recency rule');
  });

  it('calls the fallback a rule, not a trained model', () => {
    const v = binaryVerdict(
      binary(0.7, 0.7, {
        method: 'rule-recency',
        fallback: { reason: 'Too few customers', minShoppers: 200, minPositives: 30 },
      }),
    );
    expect(v.tone).toBe('neutral');
    expect(v.text).toMatch(/^Rule-based fallback, not a trained model/);
  });

  it('describes the protocol', () => {
    const day = (iso: string) => iso.slice(0, 10);
    expect(protocolText(binary(0.7, 0.6), day)).toBe(
      'Trained as of 2011-06-12, scored as of 2011-09-10; the label is no order in the following 90 days.',
    );
    expect(
      protocolText(binary(0.7, 0.6, { kind: 'propensity', protocol: 'cv5', horizonDays: 30 }), day),
    ).toBe('5-fold cross-validation as of 2011-09-10; the label is an order in the following 30 days.');
  });
});

describe('versions and fallback', () => {
  const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;

  it('picks the headline figure of each kind, or a dash before evaluation', () => {
    expect(headlineMetric('churn', binary(0.7634, 0.68), money)).toEqual({ header: 'AUC', value: '0.763' });
    expect(headlineMetric('propensity', {}, money)).toEqual({ header: 'AUC', value: '–' });
    expect(headlineMetric('clv', { kind: 'clv', mae: 1234 }, money)).toEqual({
      header: 'MAE',
      value: '€12.34',
    });
    expect(
      headlineMetric(
        'preference',
        { kind: 'preference', hitRateAt1: 0.3, hitRateAt3: 0.61, baseline: {} },
        money,
      ),
    ).toEqual({ header: 'Hit rate @3', value: '61%' });
  });

  it('reads the fallback and says how many more shoppers a trained model needs', () => {
    expect(fallbackOf({})).toBeNull();
    expect(fallbackOf({ fallback: { minShoppers: 'x' } })).toBeNull();
    const f = fallbackOf({ fallback: { reason: 'Too few', minShoppers: 200, minPositives: 30 } });
    expect(f).toEqual({ reason: 'Too few', minShoppers: 200, minPositives: 30 });
    expect(fallbackLabel(f!, 70, 'churn')).toBe(
      'Rule-based fallback — 130 more shoppers needed for a trained model (it takes over from 200)',
    );
    expect(fallbackLabel(f!, 500, 'churn')).toBe(
      'Rule-based fallback — a trained model needs at least 30 shoppers who stopped buying in the horizon',
    );
    expect(fallbackLabel(f!, 500, 'propensity')).toContain('30 shoppers who bought');
  });
});
