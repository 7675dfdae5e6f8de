import { Badge } from '@/components/ui/card';
import type { EmbedderStatus } from '@/lib/embeddings/types';

/** "auto" / "lexical" / "model:<id>" in words. */
export function requestedLabel(requested: string): string {
  if (requested === 'auto') return 'Automatic (the deployment’s model when it loads, else lexical)';
  if (requested === 'lexical') return 'Lexical';
  if (requested.startsWith('model:')) return `Model ${requested.slice('model:'.length)}`;
  return requested;
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

/** Which embedder is live, its space and dimensions, and why a fallback stands in. */
export function EmbedderStatusPanel({ status }: { status: EmbedderStatus }) {
  return (
    <div className="space-y-4">
      {status.fallback ? (
        <div className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <p className="font-semibold">Lexical fallback: no language model could be loaded</p>
          <p className="mt-1">
            Semantic search matches words and spellings, not meaning: a German query finds German texts, not
            English ones. Everything else works. Install a model (below) to search by meaning across
            languages.
          </p>
          {status.reason ? <p className="mt-1 text-amber-900">Reason: {status.reason}</p> : null}
        </div>
      ) : null}
      <dl className="divide-y divide-slate-100">
        <Row term="Live embedder">
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-medium">{status.label}</span>
            <Badge color={status.kind === 'transformers' ? 'green' : status.fallback ? 'amber' : 'gray'}>
              {status.kind === 'transformers'
                ? 'Language model'
                : status.fallback
                  ? 'Lexical fallback'
                  : 'Lexical'}
            </Badge>
          </span>
        </Row>
        <Row term="Dimensions">{status.dimensions}</Row>
        <Row term="Vector space">
          <code>{status.space}</code>
        </Row>
        <Row term="Workspace setting">{requestedLabel(status.requested)}</Row>
      </dl>
    </div>
  );
}
