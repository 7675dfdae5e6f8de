import { AD_CHANNELS, AD_PROVIDERS } from '@/db/schema/ads';
import { CHANNELS } from '@/lib/ads/channels';
import { resolveGenerator } from '@/lib/ads/generate/registry';
import { planSlot, runPlannedSlot, seedOf } from '@/lib/ads/generation';
import { loadCopyRules, loadGeneratorSettings } from '@/lib/ads/settings';
import {
  AD_LOCALES,
  type AdChannel,
  type AdLocale,
  type AdProvider,
  GeneratorError,
  type SegmentBrief,
} from '@/lib/ads/types';
import { AppError } from '@/lib/errors';
import { getSegmentRow, listSegmentRows } from '@/lib/segments/queries';
import { isUuid } from '@/lib/segments/inputs';
import type { Db } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { CliError, UsageError, defineCommand } from '../command';
import { cliTenantContext } from '../tenant';
import { type LocaleResult, generateJson, generateLines } from './ads-format';

const OBJECTIVES = ['sales', 'reengagement', 'launch'] as const;

/** The flags, checked: locales and channel known, provider and objective valid. */
export function parseGenerateFlags(o: {
  locales?: string;
  channel?: string;
  provider?: string;
  objective?: string;
  seed?: string;
}): {
  locales: AdLocale[];
  channel: AdChannel;
  provider?: AdProvider;
  objective: (typeof OBJECTIVES)[number];
  seed: number;
} {
  const locales = [
    ...new Set(
      (o.locales ?? 'en')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const unknown = locales.filter((l) => !(AD_LOCALES as readonly string[]).includes(l));
  if (locales.length === 0 || unknown.length > 0)
    throw new UsageError(
      `--locales takes a comma-separated list of ${AD_LOCALES.join(', ')}; unknown: ${unknown.join(', ') || '(none given)'}.`,
    );
  const channel = (o.channel ?? '').trim().toLowerCase();
  if (!(AD_CHANNELS as readonly string[]).includes(channel))
    throw new UsageError(`--channel must be one of ${AD_CHANNELS.join(', ')}, got "${o.channel ?? ''}".`);
  const provider = o.provider?.trim().toLowerCase();
  if (provider !== undefined && !(AD_PROVIDERS as readonly string[]).includes(provider))
    throw new UsageError(`--provider must be one of ${AD_PROVIDERS.join(', ')}, got "${o.provider}".`);
  const objective = (o.objective ?? 'sales').trim().toLowerCase();
  if (!(OBJECTIVES as readonly string[]).includes(objective))
    throw new UsageError(`--objective must be one of ${OBJECTIVES.join(', ')}, got "${o.objective}".`);
  const seed = o.seed === undefined ? 1 : Number(o.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new UsageError('--seed must be a whole number ≥ 0.');
  return {
    locales: locales as AdLocale[],
    channel: channel as AdChannel,
    ...(provider ? { provider: provider as AdProvider } : {}),
    objective: objective as (typeof OBJECTIVES)[number],
    seed,
  };
}

/** A segment by id or (case-insensitive) name; null = all shoppers. Throws CliError when unknown. */
async function resolveSegment(
  db: Db,
  tenant: TenantContext,
  ref: string | undefined,
): Promise<string | null> {
  const wanted = ref?.trim();
  if (!wanted) return null;
  if (isUuid(wanted) && (await getSegmentRow(db, tenant, wanted))) return wanted;
  const byName = (await listSegmentRows(db, tenant)).filter(
    (s) => s.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) throw new CliError(`Several segments are named "${wanted}"; pass the segment id.`);
  throw new CliError(`Segment not found in workspace ${tenant.slug}: ${wanted}`);
}

export const adsGenerate = defineCommand({
  name: 'ads generate',
  summary:
    'Generate ad copy for a segment in several languages through the guardrails (a dry run; stores nothing).',
  description:
    'Writes creatives for one channel the way a campaign run does: the segment’s brief, the products its\n' +
    'members buy most, the workspace’s brand name, banned words and required terms, and every guardrail\n' +
    '(fields, length, language, catalog facts, personal data, banned words, required terms, duplicates).\n' +
    'Prints the creatives that passed and, for those dropped, which checks failed. --provider overrides\n' +
    'the workspace’s provider (its settings still come from Ads → Settings). Exit code 1 when a locale\n' +
    'got no creative through the guardrails.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    segment: {
      type: 'string',
      placeholder: 'id or name',
      description: 'The segment (default: all shoppers).',
    },
    locales: {
      type: 'string',
      placeholder: 'en,de,ja',
      description: `Languages, comma-separated (default en); any of ${AD_LOCALES.join(', ')}.`,
    },
    channel: {
      type: 'string',
      required: true,
      placeholder: AD_CHANNELS.join('|'),
      description: 'The ad channel.',
    },
    provider: {
      type: 'string',
      placeholder: AD_PROVIDERS.join('|'),
      description: 'The copy generator (default: the workspace’s).',
    },
    objective: {
      type: 'string',
      placeholder: OBJECTIVES.join('|'),
      description: 'What the copy is for (default sales).',
    },
    seed: {
      type: 'string',
      placeholder: 'n',
      description: 'Seeds the generator (default 1): the same seed gives the same copy.',
    },
    json: { type: 'boolean', description: 'Print the result as one JSON object.' },
  },
  examples: [
    'tailor ads generate --workspace demo --segment VIP --locales en,de,ja --channel google-rsa',
    'tailor ads generate --workspace demo --locales fr --channel meta --provider openai --json',
  ],
  async run(ctx, o) {
    const flags = parseGenerateFlags(o);
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const segmentId = await resolveSegment(db, tenant, o.segment);
    let generator: ReturnType<typeof resolveGenerator>;
    try {
      generator = resolveGenerator(await loadGeneratorSettings(db, tenant, flags.provider));
    } catch (e) {
      if (e instanceof AppError || e instanceof GeneratorError) throw new CliError(e.message);
      throw e;
    }
    const rules = await loadCopyRules(db, tenant);
    const seen = new Set<string>();
    const briefs = new Map<string, SegmentBrief>();
    const results: LocaleResult[] = [];
    for (const locale of flags.locales) {
      const planned = await planSlot(
        db,
        tenant,
        { objective: flags.objective, productMode: 'recommended', productIds: [] },
        { segmentId, locale, channel: flags.channel },
        rules,
        { seed: seedOf(`cli|${flags.seed}|${locale}|${flags.channel}`), seen, briefs },
      );
      results.push({ locale, brief: planned.brief, result: await runPlannedSlot(generator, planned) });
    }
    const summary = {
      segment: results[0]?.brief.name ?? 'All shoppers',
      channel: flags.channel,
      provider: generator.provider,
      model: generator.model,
    };
    if (o.json) ctx.out(JSON.stringify(generateJson(summary, results)));
    else for (const line of generateLines(summary, CHANNELS[flags.channel], results)) ctx.out(line);
    return results.every((r) => r.result.accepted.length > 0) ? 0 : 1;
  },
});
