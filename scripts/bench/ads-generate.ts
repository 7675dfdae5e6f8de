/**
 * `npm run bench:ads-generate [-- --providers template,openai,local] [--scale 0.25] [--segments 2]
 *  [--local-slots 8] [--json]`: ad copy generation on the demo store (issue 6, "benchmarks").
 *
 * Setup, in a scratch in-memory database: the seeded demo store (seedDemoWorkspace at --scale),
 * its shopper profiles (rebuildProfiles) and RFM segments (discoverSegments), exactly as the
 * product builds them. Slots: all shoppers plus the --segments largest RFM segments × the 10 ad
 * locales × the 4 channels, each built like a campaign run builds it (segment brief, the
 * segment's best sellers with their catalog facts, the workspace's copy rules; one `seen` set per
 * provider so duplicates count as in one campaign) and run through the same pipeline (up to 3
 * attempts of 4 candidates until 2 pass every guardrail).
 * Providers: the template engine; the OpenAI-compatible provider against the local stand-in chat
 * server (lib/ads/testing/chat-server.ts: English-only canned copy, so this measures the
 * provider's plumbing, not a model); the local provider with the tiny GPT-2 test model
 * (lib/ads/testing/models; its output is noise, so the guardrails reject it: the honest outcome),
 * on the first --local-slots slots only because it is slow.
 * Reports per provider: candidates/s and passed creatives/s (wall time of generation plus
 * guardrails), slot latency p50/p99, the share of candidates that passed, and the share of
 * candidates failing each guardrail (one candidate can fail several); for the template engine
 * also the pass share per locale × channel. Figures only: nothing is asserted.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { type Db, openDatabase, setDbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { AD_CHANNELS } from '@/db/schema/ads';
import { type AdGeneratorSettings, resolveGenerator } from '@/lib/ads/generate/registry';
import { planSlot, runPlannedSlot, seedOf } from '@/lib/ads/generation';
import { prepareGuardrails } from '@/lib/ads/guardrails';
import { loadCopyRules } from '@/lib/ads/settings';
import { startChatServer } from '@/lib/ads/testing/chat-server';
import {
  AD_LOCALES,
  type AdProvider,
  GUARDRAIL_IDS,
  type GuardrailId,
  type SegmentBrief,
} from '@/lib/ads/types';
import type { GenerationSlot } from '@/lib/ads/views';
import { getEnv } from '@/lib/env';
import { rebuildProfiles } from '@/lib/profiles/jobs';
import { discoverSegments } from '@/lib/segments/discover';
import { DEMO_EMAIL, DEMO_SLUG } from '@/lib/demo/constants';
import { seedDemoWorkspace } from '@/lib/demo/service';
import { countMembers, listSegmentRows } from '@/lib/segments/queries';
import { conditionOf, toSegment } from '@/lib/segments/service';
import type { TenantContext } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { ms, percentile, table } from './support/stats';
import { note } from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    providers: { type: 'string', default: 'template,openai,local' },
    scale: { type: 'string', default: '0.25' },
    segments: { type: 'string', default: '2' },
    'local-slots': { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
  },
});
const providers = opt.providers.split(',').map((p) => p.trim()) as AdProvider[];
const scale = Number(opt.scale);
const segmentCount = Number(opt.segments);
const localSlots = Number(opt['local-slots']);
if (
  providers.some((p) => !['template', 'openai', 'local'].includes(p)) ||
  !(scale > 0) ||
  !(Number.isInteger(segmentCount) && segmentCount >= 0) ||
  !(Number.isInteger(localSlots) && localSlots >= 1)
) {
  console.error(
    'bench:ads-generate: --providers from template,openai,local; --scale > 0; --segments ≥ 0; --local-slots ≥ 1',
  );
  process.exit(2);
}

interface ProviderFigures {
  provider: AdProvider;
  model: string;
  slots: number;
  candidates: number;
  passed: number;
  errors: number;
  wallMs: number;
  slotMs: number[];
  failing: Record<GuardrailId, number>;
  /** locale → channel → [passed, candidates] */
  cells: Record<string, Record<string, [number, number]>>;
  /** The first passed creative and the first dropped one, to show what the figures count. */
  samples: { passed?: unknown; dropped?: unknown };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((n / d) * 100).toFixed(1)} %`);
const rate = (n: number, wallMs: number) => (wallMs === 0 ? '-' : (n / (wallMs / 1000)).toFixed(1));

/** The demo store at `scale`, as its owner. */
async function seedDemoAt(db: Db, at: number): Promise<TenantContext> {
  await seedDemoWorkspace(db, { scale: at });
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  return requireTenant(db, { kind: 'session', slug: DEMO_SLUG, userId: user!.id, email: DEMO_EMAIL });
}

/** The `n` largest segments of a kind, by live member count. */
async function largestSegments(db: Db, ctx: TenantContext, n: number) {
  const sized: { id: string; name: string; size: number }[] = [];
  for (const row of await listSegmentRows(db, ctx)) {
    if (row.kind !== 'rfm') continue;
    sized.push({
      id: row.id,
      name: row.name,
      size: await countMembers(db, ctx, conditionOf(toSegment(row))),
    });
  }
  return sized.sort((a, b) => b.size - a.size).slice(0, n);
}

async function main() {
  const handle = await openDatabase({ driver: 'pglite', dataDir: null });
  setDbHandle(handle);
  const db = handle.db;
  const chat = providers.includes('openai') ? await startChatServer() : null;
  try {
    note(`seeding the demo store (scale ${scale}) …`);
    const ctx = await seedDemoAt(db, scale);
    await rebuildProfiles({ db, tenantId: ctx.tenantId, checkpoint: null });
    await discoverSegments(db, ctx);
    const segments = await largestSegments(db, ctx, segmentCount);
    const slots: GenerationSlot[] = [null, ...segments.map((s) => s.id)].flatMap((segmentId) =>
      AD_LOCALES.flatMap((locale) => AD_CHANNELS.map((channel) => ({ segmentId, locale, channel }))),
    );
    note(
      `  ${slots.length} slots: all shoppers${segments.map((g) => `, ${g.name} (${g.size})`).join('')} × ${AD_LOCALES.length} locales × ${AD_CHANNELS.length} channels`,
    );
    const rules = await loadCopyRules(db, ctx);
    const modelsDir = path.resolve(import.meta.dirname, '../../lib/ads/testing/models');
    const env = { ...getEnv(), modelsDir };
    const settingsOf = (p: AdProvider): AdGeneratorSettings =>
      p === 'openai'
        ? { provider: 'openai', openai: { baseUrl: chat!.baseUrl, model: 'bench-canned', apiKey: 'bench' } }
        : p === 'local'
          ? { provider: 'local', localModel: 'tailor/tiny-gpt2' }
          : { provider: 'template' };
    const results: ProviderFigures[] = [];
    for (const provider of providers) {
      const generator = resolveGenerator(settingsOf(provider), { env });
      const run = provider === 'local' ? slots.slice(0, localSlots) : slots;
      const fig: ProviderFigures = {
        provider,
        model: generator.model,
        slots: run.length,
        candidates: 0,
        passed: 0,
        errors: 0,
        wallMs: 0,
        slotMs: [],
        failing: Object.fromEntries(GUARDRAIL_IDS.map((g) => [g, 0])) as Record<GuardrailId, number>,
        cells: {},
        samples: {},
      };
      note(`${provider} (${generator.model}): ${run.length} slots …`);
      await prepareGuardrails(); // the language model loads once per process, outside the timings
      const seen = new Set<string>();
      const briefs = new Map<string, SegmentBrief>();
      if (provider === 'local') {
        // Loading the model is a one-off; keep it out of the per-slot figures.
        const first = await planSlot(
          db,
          ctx,
          { objective: 'sales', productMode: 'recommended', productIds: [] },
          run[0]!,
          rules,
          { seed: 1, seen: new Set(), briefs },
        );
        await runPlannedSlot(generator, first, { want: 1, maxAttempts: 1 });
      }
      for (const [i, slot] of run.entries()) {
        const planned = await planSlot(
          db,
          ctx,
          { objective: 'sales', productMode: 'recommended', productIds: [] },
          slot,
          rules,
          {
            seed: seedOf(`bench|${i}`),
            seen,
            briefs,
          },
        );
        const t0 = performance.now();
        const r = await runPlannedSlot(generator, planned);
        const took = performance.now() - t0;
        fig.wallMs += took;
        fig.slotMs.push(took);
        const total = r.accepted.length + r.rejected.length;
        fig.candidates += total;
        fig.passed += r.accepted.length;
        fig.errors += r.errors.length;
        fig.samples.passed ??= r.accepted[0] && {
          locale: slot.locale,
          fields: r.accepted[0].candidate.fields,
        };
        fig.samples.dropped ??= r.rejected[0] && {
          locale: slot.locale,
          fields: r.rejected[0].candidate.fields,
          failed: r.rejected[0].failed.map((f) => `${f.check}: ${f.reason}`),
        };
        for (const rej of r.rejected)
          for (const g of new Set(rej.failed.map((f) => f.check))) fig.failing[g as GuardrailId] += 1;
        const byChannel = fig.cells[slot.locale] ?? {};
        fig.cells[slot.locale] = byChannel;
        const cell = byChannel[slot.channel] ?? [0, 0];
        byChannel[slot.channel] = cell;
        cell[0] += r.accepted.length;
        cell[1] += total;
      }
      results.push(fig);
    }
    report(results);
  } finally {
    await chat?.close();
    setDbHandle(undefined);
    await handle.close();
  }
}

function report(results: ProviderFigures[]) {
  if (opt.json) {
    console.log(
      JSON.stringify(
        results.map(({ slotMs, ...r }) => ({
          ...r,
          slotP50Ms: percentile(
            [...slotMs].sort((a, b) => a - b),
            0.5,
          ),
          slotP99Ms: percentile(
            [...slotMs].sort((a, b) => a - b),
            0.99,
          ),
        })),
      ),
    );
    return;
  }
  console.log('\nThroughput (generation + guardrails, wall time per slot summed):');
  console.log(
    table(
      [
        'provider',
        'model',
        'slots',
        'candidates',
        'passed',
        'pass share',
        'candidates/s',
        'passed/s',
        'slot p50',
        'slot p99',
        'provider errors',
      ],
      results.map((r) => {
        const sorted = [...r.slotMs].sort((a, b) => a - b);
        return [
          r.provider,
          r.model,
          String(r.slots),
          String(r.candidates),
          String(r.passed),
          pct(r.passed, r.candidates),
          rate(r.candidates, r.wallMs),
          rate(r.passed, r.wallMs),
          ms(percentile(sorted, 50)),
          ms(percentile(sorted, 99)),
          String(r.errors),
        ];
      }),
    ),
  );
  console.log('\nShare of candidates failing each guardrail (a candidate may fail several):');
  console.log(
    table(
      ['guardrail', ...results.map((r) => r.provider)],
      GUARDRAIL_IDS.map((g) => [g, ...results.map((r) => pct(r.failing[g], r.candidates))]),
    ),
  );
  console.log('\nSamples (first passed and first dropped creative per provider):');
  for (const r of results) console.log(`${r.provider}: ${JSON.stringify(r.samples)}`);
  for (const r of results.filter((x) => x.provider === 'template')) {
    console.log('\nTemplate engine: passed / candidates per locale and channel:');
    console.log(
      table(
        ['locale', ...AD_CHANNELS],
        AD_LOCALES.map((l) => [
          l,
          ...AD_CHANNELS.map((c) => {
            const [p, n] = r.cells[l]?.[c] ?? [0, 0];
            return `${p}/${n}`;
          }),
        ]),
      ),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
