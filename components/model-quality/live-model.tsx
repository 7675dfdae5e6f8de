import { Badge } from '@/components/ui/card';
import { BlendWeights } from './blend-weights';
import type { BlendWeightView } from './present';

export interface LiveModelView {
  version: number;
  trainedAt: string;
  /** "1 Dec 2010 – 8 Dec 2011", or null when unknown. */
  dataWindow: string | null;
  asOf: string;
  shoppers: number;
  items: number;
  interactions: number;
  validationNdcg: string;
  validationDays: number | null;
  /** [component, chosen setting] */
  settings: [string, string][];
  /** The learned blend weights, largest first. */
  weights: BlendWeightView[];
}

/** The version that answers the storefront: when and on what it was trained, and how well it did. */
export function LiveModelPanel({ model, format }: { model: LiveModelView; format: (n: number) => string }) {
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        <span>Version {model.version}</span>
        <Badge color="green">Live</Badge>
      </p>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-xs font-medium text-slate-600">Trained</dt>
          <dd className="text-sm font-medium text-slate-900">{model.trainedAt}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs font-medium text-slate-600">Data window</dt>
          <dd className="text-sm font-medium text-slate-900">
            {model.dataWindow ?? 'unknown'}
            <span className="block text-xs font-normal text-slate-600">Interactions before {model.asOf}</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Shoppers</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{format(model.shoppers)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Items</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{format(model.items)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Interactions</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{format(model.interactions)}</dd>
        </div>
      </dl>
      <div className="border-t border-slate-100 pt-4">
        <p className="text-sm text-slate-700">
          Validation NDCG@10{' '}
          <span className="text-lg font-semibold tabular-nums text-slate-900">{model.validationNdcg}</span>
          {model.validationDays ? (
            <span className="text-slate-600"> on the last {model.validationDays} days before the cutoff</span>
          ) : null}
        </p>
        {model.settings.length > 0 ? (
          <>
            <h3 className="mt-3 text-sm font-semibold text-slate-900">Settings chosen on validation</h3>
            <ul className="mt-1 flex flex-wrap gap-2 text-xs text-slate-700">
              {model.settings.map(([component, chosen]) => (
                <li key={component} className="rounded-md bg-slate-100 px-2 py-1">
                  <span className="font-medium">{component}</span>: <code>{chosen}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {model.weights.length > 0 ? (
        <div className="border-t border-slate-100 pt-4">
          <BlendWeights weights={model.weights} />
        </div>
      ) : null}
    </div>
  );
}
