import { KIND_TITLE } from '@/components/predictions/present';
import { formatMoney } from '@/lib/format';
import type { PredictionKind } from '@/lib/predict/types';
import { Waterfall } from './waterfall';
import type { WaterfallFormat, WaterfallInput } from './waterfall-view';

/** How a kind's waterfall is written: log-odds for probabilities, the workspace's money for value. */
export function waterfallFormat(kind: PredictionKind, currency: string, locale: string): WaterfallFormat {
  if (kind !== 'clv') return {};
  const money = (minor: number) => formatMoney(Math.round(minor), currency, locale);
  return {
    level: money,
    delta: (v) => `${Math.round(v) === 0 ? '±' : v > 0 ? '+' : '−'}${money(Math.abs(v))}`,
  };
}

/**
 * The waterfall of one shopper's churn risk, purchase propensity or customer value, titled and
 * coloured for its kind (a rising churn risk is red; a rising value or propensity is not).
 */
export function PredictionWaterfall({
  kind,
  explanation,
  currency,
  locale,
}: {
  kind: PredictionKind;
  explanation: WaterfallInput;
  currency: string;
  locale: string;
}) {
  return (
    <Waterfall
      explanation={explanation}
      name={`${KIND_TITLE[kind]} waterfall`}
      format={waterfallFormat(kind, currency, locale)}
      upIsBad={kind === 'churn'}
    />
  );
}
