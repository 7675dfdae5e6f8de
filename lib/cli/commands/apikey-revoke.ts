import { revokeApiKeySchema } from '@/lib/apikeys/schemas';
import { revokeApiKey } from '@/lib/apikeys/service';
import { parseOrThrow } from '@/lib/validation';
import { defineCommand } from '../command';
import { cliTenantContext } from '../tenant';

export const apikeyRevoke = defineCommand({
  name: 'apikey revoke',
  summary: 'Revoke an API key; requests using it fail from then on.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    id: {
      type: 'string',
      required: true,
      placeholder: 'uuid',
      description: 'The key id (see `tailor apikey list`).',
    },
  },
  async run(ctx, o) {
    parseOrThrow(revokeApiKeySchema, { id: o.id }); // fail fast, before opening the database
    const db = await ctx.db();
    const row = await revokeApiKey(db, await cliTenantContext(db, o.workspace ?? ''), { id: o.id });
    ctx.out(`Revoked ${row.kind} key "${row.name}" (${row.prefix}).`);
    return 0;
  },
});
