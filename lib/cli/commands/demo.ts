import { UsageError, defineCommand } from '../command';
import { createProgress } from '../output';

const STEPS = ['generating', 'products', 'shoppers', 'orders', 'order_lines', 'events', 'done'];
const number = new Intl.NumberFormat('en');

export const demo = defineCommand({
  name: 'demo',
  summary: 'Create (or with --reset, recreate) the demo store and print its login.',
  description:
    'Generates the "Demo Store" workspace (slug demo): a multilingual catalog, shoppers, orders and\n' +
    'events over the last 120 days. Without --reset an existing demo store is left as it is.',
  options: {
    reset: { type: 'boolean', description: 'Delete the demo workspace and generate it again.' },
    scale: {
      type: 'string',
      placeholder: 'factor',
      description: 'Data size multiplier, 0.01–10 (default 1).',
    },
    json: { type: 'boolean', description: 'Print the result as JSON.' },
  },
  async run(ctx, o) {
    const scale = o.scale === undefined ? undefined : Number(o.scale);
    if (scale !== undefined && !(scale >= 0.01 && scale <= 10)) {
      throw new UsageError('--scale must be a number from 0.01 to 10.', demo);
    }
    const db = await ctx.db();
    // Loaded on demand: the generator is large and only this command needs it.
    const { seedDemoWorkspace } = await import('@/lib/demo/service');
    const progress = createProgress(ctx.stderr);
    let result: Awaited<ReturnType<typeof seedDemoWorkspace>>;
    try {
      result = await seedDemoWorkspace(db, {
        reset: Boolean(o.reset),
        scale,
        onProgress: (p) => {
          const step = `${STEPS.indexOf(p.phase) + 1}/${STEPS.length} ${p.phase.replace('_', ' ')}`;
          progress.update(
            p.done,
            p.total,
            step,
            p.total > 1 ? `${number.format(p.done)} / ${number.format(p.total)}` : '',
          );
        },
      });
    } finally {
      progress.done();
    }
    const url = `${ctx.env.appUrl}/${result.slug}`;
    if (o.json) {
      ctx.out(JSON.stringify({ url, ...result }, null, 2));
      return 0;
    }
    ctx.out(
      result.created
        ? `Demo store ready: ${url}`
        : `The demo store already exists (use --reset to rebuild it): ${url}`,
    );
    ctx.out(`Sign in at ${ctx.env.appUrl}/sign-in as ${result.login.email} / ${result.login.password}`);
    ctx.out(
      Object.entries(result.counts)
        .map(([k, v]) => `${k}: ${number.format(v)}`)
        .join(', '),
    );
    return 0;
  },
});
