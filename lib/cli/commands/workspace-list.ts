import { listAllWorkspaces } from '@/lib/workspace/queries';
import { defineCommand } from '../command';
import { formatTable } from '../output';

export const workspaceList = defineCommand({
  name: 'workspace list',
  summary: 'List every workspace on this installation, oldest first.',
  options: {
    json: { type: 'boolean', description: 'Print a JSON array.' },
  },
  async run(ctx, o) {
    const rows = await listAllWorkspaces(await ctx.db());
    const items = rows.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      currency: t.currency,
      locale: t.locale,
      timeZone: t.timeZone,
      demo: Boolean(t.isDemo),
      url: `${ctx.env.appUrl}/${t.slug}`,
      createdAt: t.createdAt,
    }));
    if (o.json) {
      ctx.out(JSON.stringify(items, null, 2));
      return 0;
    }
    if (items.length === 0) {
      ctx.err('No workspaces yet. Create one with: tailor workspace create --name <name> --owner <email>');
      return 0;
    }
    ctx.out(
      formatTable(
        ['SLUG', 'NAME', 'CURRENCY', 'CREATED', 'URL'],
        items.map((w) => [w.slug, w.demo ? `${w.name} (demo)` : w.name, w.currency, w.createdAt, w.url]),
      ),
    );
    return 0;
  },
});
