import { describe, expect, it } from 'vitest';
import { groupMetrics, parityGaps, type ScoredMember } from './metrics';
import type { GroupingReport } from './report';
import { describeGroup, mitigationSentence, paritySentence } from './summary';
import { mitigate } from './thresholds';

/** `n` shoppers of `group`, `sel` of them scored 0.9 (the first `pos` positive), the rest 0.1. */
function group(name: string, n: number, sel: number, pos: number): ScoredMember[] {
  return Array.from({ length: n }, (_, i) => ({
    group: name,
    score: i < sel ? 0.9 : 0.1,
    label: i < pos ? 1 : 0,
  }));
}

function grouping(key: string, members: ScoredMember[]): GroupingReport {
  const groups = groupMetrics(members, 0.5);
  return {
    key,
    label: key === 'country' ? 'Country' : key,
    sensitive: false,
    groups,
    gaps: parityGaps(groups),
    mitigation: mitigate(members, 'selection_rate', 0.5),
  };
}

describe('paritySentence', () => {
  it('says how many times as often the most-flagged group is flagged', () => {
    // DE 14/50 = 28 %, FR 10/50 = 20 %: 1.4×, ratio 0.71 < 0.8.
    const g = grouping('country', [...group('DE', 50, 14, 10), ...group('FR', 50, 10, 10)]);
    expect(paritySentence('churn', g)).toBe(
      'Shoppers in DE are flagged at risk 1.4× as often as shoppers in FR (28% vs 20%). That fails the four-fifths rule.',
    );
  });

  it('says when groups are too small to judge', () => {
    const g = grouping('country', [...group('DE', 20, 5, 5), ...group('FR', 50, 10, 10)]);
    expect(paritySentence('propensity', g)).toMatch(/^Too few shoppers per group to judge parity by country/);
  });

  it('describes tenure and attribute groups', () => {
    expect(describeGroup('tenure', 'new')).toBe('who first ordered in the last 90 days');
    expect(describeGroup('age_band', '18-34')).toBe('with age_band “18-34”');
    expect(describeGroup('country', 'other')).toBe('in other countries');
  });
});

describe('mitigationSentence', () => {
  it('puts the gap before and after next to the accuracy cost', () => {
    const g = grouping('country', [...group('DE', 50, 14, 10), ...group('FR', 50, 10, 10)]);
    const text = mitigationSentence(g);
    expect(text).toMatch(
      /^Per-group thresholds by country would take the selection-rate gap from 8% to \d+%/,
    );
    expect(text).toMatch(/accuracy/);
  });
});
