/**
 * Plain-language sentences of a prediction fairness report (issue 8), pure: "Shoppers in DE are
 * flagged at risk 1.4× as often as shoppers in FR (31 % vs 22 %)." Percentages are whole numbers.
 */
import type { BinaryKind } from '@/lib/predict/binary';
import { MIN_GROUP_POSITIVES, MIN_GROUP_SHOPPERS } from './metrics';
import type { GroupingReport } from './report';
import { TENURE_NEW_DAYS } from './groups';

const pct = (p: number) => `${Math.round(p * 100)}%`;
const FLAG: Record<BinaryKind, string> = { churn: 'at risk', propensity: 'ready to buy' };

/** "in DE", "who first ordered in the last 90 days", "with age_band “18-34”". */
export function describeGroup(groupingKey: string, group: string): string {
  if (groupingKey === 'country') {
    if (group === 'other') return 'in other countries';
    if (group === 'unknown') return 'with no known country';
    return `in ${group}`;
  }
  if (groupingKey === 'tenure') {
    if (group === 'new') return `who first ordered in the last ${TENURE_NEW_DAYS} days`;
    if (group === 'returning') return `who first ordered over ${TENURE_NEW_DAYS} days ago`;
    return 'without an order yet';
  }
  if (group === 'unknown') return `with no ${groupingKey}`;
  if (group === 'other') return `with a less common ${groupingKey}`;
  return `with ${groupingKey} “${group}”`;
}

/** The headline of one grouping: how much more often one group is flagged than another. */
export function paritySentence(kind: BinaryKind, g: GroupingReport): string {
  const { gaps } = g;
  if (gaps.highestSelection === null || gaps.lowestSelection === null) {
    return `Too few shoppers per group to judge parity by ${g.label.toLowerCase()} (a group needs ${MIN_GROUP_SHOPPERS} shoppers and ${MIN_GROUP_POSITIVES} with the event).`;
  }
  const hi = g.groups.find((x) => x.group === gaps.highestSelection)!;
  const lo = g.groups.find((x) => x.group === gaps.lowestSelection)!;
  const flag = FLAG[kind];
  if (hi.selectionRate === 0) return `Nobody in any group is flagged ${flag} at this threshold.`;
  const rule = gaps.fourFifthsFlag
    ? ' That fails the four-fifths rule.'
    : ' That passes the four-fifths rule.';
  if (lo.selectionRate === 0) {
    return `Shoppers ${describeGroup(g.key, hi.group)} are flagged ${flag} (${pct(hi.selectionRate)}) while no shopper ${describeGroup(g.key, lo.group)} is.${rule}`;
  }
  const times = hi.selectionRate / lo.selectionRate;
  const how = times < 1.05 ? 'about as often as' : `${times.toFixed(1)}× as often as`;
  return `Shoppers ${describeGroup(g.key, hi.group)} are flagged ${flag} ${how} shoppers ${describeGroup(g.key, lo.group)} (${pct(hi.selectionRate)} vs ${pct(lo.selectionRate)}).${rule}`;
}

/** What switching on per-group thresholds would cost and gain, in one sentence. */
export function mitigationSentence(g: GroupingReport): string {
  const m = g.mitigation;
  if (m.fairnessGain === null) return 'Per-group thresholds need at least two groups large enough to judge.';
  const what = m.target === 'selection_rate' ? 'selection-rate gap' : 'true-positive-rate gap';
  const cost = m.accuracyCost;
  const costText =
    Math.abs(cost) < 0.0005
      ? 'with no change in accuracy'
      : cost > 0
        ? `at a cost of ${(cost * 100).toFixed(1)} points of accuracy`
        : `and accuracy rises by ${(-cost * 100).toFixed(1)} points`;
  const before =
    m.target === 'selection_rate'
      ? m.before.gaps.demographicParityDifference
      : m.before.gaps.equalOpportunityDifference;
  const after =
    m.target === 'selection_rate'
      ? m.after.gaps.demographicParityDifference
      : m.after.gaps.equalOpportunityDifference;
  return `Per-group thresholds by ${g.label.toLowerCase()} would take the ${what} from ${pct(before ?? 0)} to ${pct(after ?? 0)}, ${costText}.`;
}
