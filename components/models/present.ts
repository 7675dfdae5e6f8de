import type { AvailableModel } from '@/lib/embeddings/types';
import type { EmbedderChoice } from './embedder-form';

/** The embedder form's choices: automatic, lexical, then every model the deployment knows. */
export function embedderChoices(
  models: readonly AvailableModel[],
  opts: { downloadAllowed: boolean; defaultModel: string },
): EmbedderChoice[] {
  return [
    {
      value: 'auto',
      label: 'Automatic',
      description: `Uses ${opts.defaultModel} when it loads, and the lexical embedder otherwise. Recommended.`,
    },
    {
      value: 'lexical',
      label: 'Lexical (hashed words and character n-grams)',
      description:
        'Always available, fast and deterministic. Matches words and spellings in every script, not meaning across languages.',
    },
    ...models.map((m) => ({
      value: `model:${m.id}`,
      label: `${m.id}${m.dimensions ? ` (${m.dimensions} dimensions)` : ''}`,
      description: m.installed
        ? `Installed${m.path ? ` in ${m.path}` : ''}. Multilingual: matches meaning across languages.`
        : opts.downloadAllowed
          ? 'Not installed: downloaded from the model hub on first use (downloads are allowed here). Until it loads, the lexical embedder stands in.'
          : 'Not installed and downloads are not allowed: choosing it keeps the lexical fallback until the folder is in MODELS_DIR (see below).',
      ...(m.installed ? {} : { notInstalled: true }),
    })),
  ];
}
