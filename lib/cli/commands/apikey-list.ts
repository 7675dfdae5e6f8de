import { listApiKeys } from '@/lib/apikeys/queries';
import { defineCommand } from '../command';
import { formatTable } from '../output';
import { cliTenantContext } from '../tenant';

export const apikeyList = defineCommand({
  name: 'apikey list',
  summary: "List a workspace's API keys (prefixes only; keys are never shown again).",
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    json: { type: 'boolean', description: 'Print a JSON array.' },
  },
  async run(ctx, o) {
    const db = await ctx.db();
    const keys = await listApiKeys(db, await cliTenantContext(db, o.workspace ?? ''));
    if (o.json) {
      ctx.out(JSON.stringify(keys, null, 2));
      return 0;
    }
    if (keys.length === 0) {
      ctx.err(
        `No API keys in ${o.workspace}. Create one with: tailor apikey create --workspace ${o.workspace} --kind secret --name <name>`,
      );
      return 0;
    }
    ctx.out(
      formatTable(
        ['ID', 'KIND', 'NAME', 'PREFIX', 'ORIGINS', 'CREATED', 'LAST USED', 'STATUS'],
        keys.map((k) => [
          k.id,
          k.kind,
          k.name,
          k.prefix,
          k.allowedOrigins,
          k.createdAt,
          k.lastUsedAt,
          k.revokedAt ? 'revoked' : 'active',
        ]),
      ),
    );
    return 0;
  },
});
