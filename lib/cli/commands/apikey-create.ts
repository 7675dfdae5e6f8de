import { createApiKeySchema } from '@/lib/apikeys/schemas';
import { API_SCOPES } from '@/lib/apikeys/scopes';
import { createApiKey } from '@/lib/apikeys/service';
import { parseOrThrow } from '@/lib/validation';
import { defineCommand } from '../command';
import { cliTenantContext } from '../tenant';

export const apikeyCreate = defineCommand({
  name: 'apikey create',
  summary: 'Create an API key; the key is printed once and only its hash is stored.',
  description:
    'secret keys (sk_…) are for servers and the REST API; publishable keys (pk_…) are for the\n' +
    'storefront snippet and need the storefront origins they may be used from.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    kind: { type: 'string', required: true, placeholder: 'secret|publishable', description: 'Key kind.' },
    name: { type: 'string', required: true, description: 'A label to recognise the key by.' },
    origins: {
      type: 'string',
      placeholder: 'https://a,https://b',
      description: 'Allowed storefront origins (publishable keys), comma-separated.',
    },
    scopes: {
      type: 'string',
      placeholder: 'data:read,events:write',
      description: `Secret keys: what the key may do, comma-separated (default: all of ${API_SCOPES.join(', ')}).`,
    },
    json: { type: 'boolean', description: 'Print the key and its details as JSON.' },
  },
  fieldFlags: { allowedOrigins: '--origins', scopes: '--scopes' },
  examples: [
    'tailor apikey create --workspace acme --kind secret --name "ERP sync"',
    'tailor apikey create --workspace acme --kind secret --name Reporting --scopes data:read',
    'tailor apikey create --workspace acme --kind publishable --name Storefront --origins https://shop.acme.test',
  ],
  async run(ctx, o) {
    const input = { kind: o.kind, name: o.name, allowedOrigins: o.origins ?? [], scopes: o.scopes };
    parseOrThrow(createApiKeySchema, input); // fail fast, before opening the database
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const key = await createApiKey(db, tenant, input);
    if (o.json) {
      ctx.out(JSON.stringify({ ...key, workspace: tenant.slug }, null, 2));
      return 0;
    }
    ctx.out(`Created ${key.kind} key "${key.name}" in ${tenant.slug} (id ${key.id}).`);
    if (key.kind === 'secret') ctx.out(`Scopes: ${key.scopes.join(', ')}`);
    ctx.out('');
    ctx.out(`  ${key.key}`);
    ctx.out('');
    ctx.out('Copy it now: it is shown only once and cannot be recovered.');
    return 0;
  },
});
