/** Formatting shared by the Model quality components (pure, no React). */

/** NDCG@10 with three decimals ("0.348"), or an en dash when there is none. */
export function formatNdcg(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '–';
}

/** Artefact size: "0 B", "812 KB", "14.2 MB". */
export function formatBytes(n: number): string {
  if (n <= 0) return '0 B';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export type VersionStatus = 'training' | 'ready' | 'failed' | 'retired';

export const STATUS_LABEL: Record<VersionStatus, string> = {
  training: 'Training',
  ready: 'Ready',
  failed: 'Failed',
  retired: 'Retired',
};

export const STATUS_COLOR: Record<VersionStatus, 'blue' | 'green' | 'red' | 'gray'> = {
  training: 'blue',
  ready: 'green',
  failed: 'red',
  retired: 'gray',
};

/** The tuned components' chosen settings, in a stable order: [["ease", "λ=250"], …]. */
export function chosenSettings(
  tuning: Record<string, { chosen: string; scores: Record<string, number> }> | undefined,
): [string, string][] {
  if (!tuning) return [];
  return Object.entries(tuning)
    .map(([component, t]): [string, string] => [component, t.chosen])
    .sort(([a], [b]) => a.localeCompare(b));
}
