import { Table, Td, Th } from '@/components/ui/table';
import { plainDecimal, type WaterfallFormat, type WaterfallInput, waterfallView } from './waterfall-view';

const W = 720;
const LABEL_W = 250;
const TEXT_W = 80;
const ROW = 26;
const TOP = 6;
const AXIS = 30;

/**
 * A prediction explained as a waterfall (server-rendered SVG): the typical shopper's value, each
 * feature's push up or down (largest first, the smallest folded into "N other features"), and
 * this shopper's value. The SVG is an image with a one-sentence name; the figures are repeated in
 * a table under "Show the figures". `upIsBad` colours rises red (churn risk) instead of brand blue.
 */
export function Waterfall({
  explanation,
  name,
  format,
  upIsBad = false,
  limit,
}: {
  explanation: WaterfallInput;
  /** What is explained, e.g. "Churn risk"; starts the chart's accessible name. */
  name: string;
  format?: WaterfallFormat;
  upIsBad?: boolean;
  limit?: number;
}) {
  const view = waterfallView(explanation, { limit, format });
  const level = format?.level ?? plainDecimal;
  const [lo, hi] = view.domain;
  const x0 = LABEL_W + 10;
  const x1 = W - TEXT_W - 10;
  const x = (v: number) => x0 + ((v - lo) / (hi - lo || 1)) * (x1 - x0);
  const rows = view.steps.length + 2;
  const height = TOP + rows * ROW + AXIS;
  const y = (i: number) => TOP + i * ROW;
  const up = upIsBad ? 'fill-red-500' : 'fill-brand-500';
  const down = upIsBad ? 'fill-emerald-500' : 'fill-slate-400';
  const unit = view.link === 'logit' ? 'log-odds' : '';
  const marker = (i: number, v: number, text: string, label: string) => (
    <g key={label}>
      <text
        x={LABEL_W}
        y={y(i) + ROW / 2 + 4}
        textAnchor="end"
        className="fill-slate-900 text-[12px] font-semibold"
      >
        {label}
      </text>
      <line
        x1={x(v)}
        x2={x(v)}
        y1={y(i) + 4}
        y2={y(i) + ROW - 4}
        className="stroke-slate-900"
        strokeWidth={3}
      />
      <text
        x={W - 4}
        y={y(i) + ROW / 2 + 4}
        textAnchor="end"
        className="fill-slate-900 text-[12px] font-semibold"
      >
        {text}
      </text>
    </g>
  );
  return (
    <figure className="w-full space-y-2">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${name}: ${view.summary}`}
      >
        {view.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP} y2={height - AXIS + 4} className="stroke-slate-100" />
            <text x={x(t)} y={height - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">
              {level(t)}
            </text>
          </g>
        ))}
        {marker(0, view.base, level(view.base), capitalize(view.baseLabel))}
        {view.steps.map((s, k) => {
          const i = k + 1;
          const left = Math.min(x(s.from), x(s.to));
          const width = Math.max(1.5, Math.abs(x(s.to) - x(s.from)));
          return (
            <g key={s.key}>
              <text
                x={LABEL_W}
                y={y(i) + ROW / 2 + 4}
                textAnchor="end"
                className="fill-slate-700 text-[12px]"
              >
                {s.label.length > 38 ? `${s.label.slice(0, 37)}…` : s.label}
              </text>
              <line
                x1={x(s.from)}
                x2={x(s.from)}
                y1={y(i) - 4}
                y2={y(i) + 5}
                className="stroke-slate-300"
                strokeDasharray="2 2"
              />
              <rect
                x={left}
                y={y(i) + 5}
                width={width}
                height={ROW - 10}
                rx={2}
                className={s.contribution >= 0 ? up : down}
              >
                <title>{`${s.label}: ${s.text}${unit ? ` ${unit}` : ''}`}</title>
              </rect>
              <text x={W - 4} y={y(i) + ROW / 2 + 4} textAnchor="end" className="fill-slate-800 text-[12px]">
                {s.text}
              </text>
            </g>
          );
        })}
        {marker(rows - 1, view.total, level(view.total), capitalize(view.endLabel))}
        <line x1={x0} x2={x1} y1={height - AXIS + 4} y2={height - AXIS + 4} className="stroke-slate-300" />
      </svg>
      <figcaption className="text-xs text-slate-700">
        <span className="font-medium">
          {capitalize(view.baseLabel)} → {view.endLabel}
        </span>
        {view.link === 'logit'
          ? '. The axis is in log-odds, where the contributions add up exactly; the ends are shown as probabilities.'
          : '. The contributions add up exactly to the difference.'}{' '}
        <span className="inline-flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`h-2 w-2 rounded-sm ${upIsBad ? 'bg-red-500' : 'bg-brand-500'}`}
          />
          raises
        </span>{' '}
        ·{' '}
        <span className="inline-flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`h-2 w-2 rounded-sm ${upIsBad ? 'bg-emerald-500' : 'bg-slate-400'}`}
          />
          lowers
        </span>
      </figcaption>
      <details className="text-xs">
        <summary className="cursor-pointer font-medium text-brand-700">Show the figures</summary>
        <Table caption={`${name}: contributions`}>
          <thead>
            <tr>
              <Th>Step</Th>
              <Th className="text-right">Contribution{unit ? ` (${unit})` : ''}</Th>
              <Th className="text-right">Running total</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <Td>Typical shopper (base value)</Td>
              <Td className="text-right tabular-nums">–</Td>
              <Td className="text-right tabular-nums">{level(view.base)}</Td>
            </tr>
            {view.steps.map((s) => (
              <tr key={s.key}>
                <Td className="whitespace-normal">{s.label}</Td>
                <Td className="text-right tabular-nums">{s.text}</Td>
                <Td className="text-right tabular-nums">{level(s.to)}</Td>
              </tr>
            ))}
            <tr>
              <Td className="font-medium">This shopper</Td>
              <Td className="text-right tabular-nums">–</Td>
              <Td className="text-right font-medium tabular-nums">{level(view.total)}</Td>
            </tr>
          </tbody>
        </Table>
      </details>
    </figure>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
