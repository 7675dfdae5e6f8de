import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { EmbedderStatus } from '@/lib/embeddings/types';

/** One line on what answers semantic queries, for the top of the catalog page. */
export function embedderSummary(status: EmbedderStatus): {
  tone: 'green' | 'amber' | 'gray';
  badge: string;
  text: string;
} {
  if (status.kind === 'transformers') {
    return {
      tone: 'green',
      badge: 'Language model',
      text: `Semantic search uses ${status.label} (${status.dimensions} dimensions): it matches meaning, across languages.`,
    };
  }
  if (status.fallback) {
    return {
      tone: 'amber',
      badge: 'Lexical fallback',
      text: 'Lexical fallback: no language model installed — semantic search matches words and spellings, not meaning.',
    };
  }
  return {
    tone: 'gray',
    badge: 'Lexical',
    text: 'Semantic search uses the lexical embedder chosen for this workspace: it matches words and spellings, not meaning.',
  };
}

/** The compact embedder badge above the catalog, with a link to the Models page. */
export function EmbedderBadge({ slug, status }: { slug: string; status: EmbedderStatus | null }) {
  if (!status) {
    return (
      <p className="text-sm text-slate-600">
        The embedder could not be determined.{' '}
        <Link href={`/${slug}/models`} className="font-medium text-brand-700 underline">
          See Models
        </Link>
      </p>
    );
  }
  const s = embedderSummary(status);
  return (
    <div
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-4 py-3 text-sm ring-1 ${s.tone === 'amber' ? 'bg-amber-50 text-amber-950 ring-amber-200' : 'bg-white text-slate-700 ring-slate-200'}`}
    >
      <Badge color={s.tone}>{s.badge}</Badge>
      <span className="min-w-0 flex-1">{s.text}</span>
      <Link href={`/${slug}/models`} className="font-medium text-brand-700 underline">
        {status.fallback ? 'See Models' : 'Models'}
      </Link>
    </div>
  );
}
