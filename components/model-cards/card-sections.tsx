import { Badge, Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ModelCardData, PartialDependenceCurve } from '@/lib/predict/card/types';
import { formatPercent } from '@/components/predictions/present';
import { PartialDependenceCharts } from './pd-charts';
import { formatCardValue } from './present';

/** Where the data came from and whom the model learned from. */
export function CardDataSection({
  card,
  formatDate,
  formatCount,
}: {
  card: ModelCardData;
  formatDate: (iso: string) => string;
  formatCount: (n: number) => string;
}) {
  const p = card.population;
  const w = card.dataWindow;
  const outcome = card.kind === 'churn' ? 'stopped buying' : 'bought';
  return (
    <Card title="Data and population">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">Data window</dt>
        <dd className="text-slate-800">
          {w.first ? formatDate(w.first) : 'the first fact'} – {formatDate(w.end)}; features computed as of{' '}
          {formatDate(w.asOf)}, horizon {w.horizonDays} days.
        </dd>
        <dt className="text-slate-500">Shoppers</dt>
        <dd className="text-slate-800">
          {formatCount(p.shoppers)} in the training population
          {p.positives !== null && p.baseRate !== null
            ? `; ${formatCount(p.positives)} (${formatPercent(p.baseRate)}) ${outcome} in the horizon`
            : ''}
          .
        </dd>
        {p.countries.length ? (
          <>
            <dt className="text-slate-500">Countries</dt>
            <dd className="text-slate-800">
              {p.countries
                .map((c) => `${c.country === 'unknown' ? 'unknown' : c.country} ${formatCount(c.count)}`)
                .join(' · ')}
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** The features the model reads, with their training mean and share "not defined". */
export function CardFeaturesSection({
  card,
  money,
}: {
  card: ModelCardData;
  money: (minor: number) => string;
}) {
  const ref = new Map((card.reference?.features ?? []).map((f) => [f.key, f.distribution]));
  if (card.features.length === 0) return null;
  return (
    <Card
      title="Features"
      description="What the model reads about each shopper, computed strictly before the as-of date."
    >
      <Table caption="Features used">
        <thead>
          <tr>
            <Th>Feature</Th>
            <Th>Unit</Th>
            <Th className="text-right">Mean in training</Th>
            <Th className="text-right">Not defined</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {card.features.map((f) => {
            const d = ref.get(f.key);
            return (
              <tr key={f.key}>
                <Td className="whitespace-normal">{f.label}</Td>
                <Td>{f.unit === 'minor' ? 'money' : f.unit}</Td>
                <Td className="text-right tabular-nums">{d ? formatCardValue(f, d.mean, money) : '–'}</Td>
                <Td className="text-right tabular-nums">{d ? formatPercent(d.undefinedShare) : '–'}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}

/** Partial-dependence small multiples, or the note why there are none. */
export function CardPartialDependenceSection({
  card,
  money,
}: {
  card: ModelCardData;
  money: (minor: number) => string;
}) {
  const format = (c: PartialDependenceCurve, v: number) => formatCardValue(c, v, money);
  return (
    <Card
      title="Partial dependence"
      description="The average prediction over the training shoppers when one feature is set to each value and everything else stays as it was. For this additive model the curves are exact."
    >
      {card.partialDependence.length ? (
        <PartialDependenceCharts curves={card.partialDependence} format={format} />
      ) : (
        <p className="text-sm text-slate-600">{card.partialDependenceNote ?? 'No curves were recorded.'}</p>
      )}
    </Card>
  );
}

/** Known limitations, generated from the version's own figures. */
export function CardLimitationsSection({ card }: { card: ModelCardData }) {
  return (
    <Card title="Known limitations">
      {card.limitations.length ? (
        <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-800">
          {card.limitations.map((l) => (
            <li key={l.code} data-limitation={l.code}>
              {l.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">
          <Badge color="green">None found</Badge> Enough shoppers, calibrated within 5 points, evaluated on a
          later period and better than its baselines.
        </p>
      )}
    </Card>
  );
}
