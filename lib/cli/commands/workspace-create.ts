import { parseOrThrow } from '@/lib/validation';
import { createWorkspace } from '@/lib/workspace/service';
import { createWorkspaceSchema } from '@/lib/workspace/schemas';
import { defineCommand } from '../command';
import { cliActor, resolveOwner } from '../tenant';

export const workspaceCreate = defineCommand({
  name: 'workspace create',
  summary: 'Create a workspace owned by an existing user.',
  description:
    'The owner is --owner, or the demo user (demo@tailor.local) when it exists. The audit log records\n' +
    'the action as "CLI (<owner email>)". Without --slug, one is derived from the name.',
  options: {
    name: { type: 'string', required: true, description: 'Display name, 2–80 characters.' },
    slug: { type: 'string', description: 'Address in URLs: 3–40 lowercase letters, digits, dashes.' },
    owner: { type: 'string', placeholder: 'email', description: 'Email of the user who will own it.' },
    json: { type: 'boolean', description: 'Print the workspace as JSON.' },
  },
  fieldFlags: { ownerUserId: '--owner' },
  examples: ['tailor workspace create --name "Acme Shoes" --slug acme --owner ana@acme.test'],
  async run(ctx, o) {
    // Fail fast on bad input, before the (seconds-long) embedded database start.
    parseOrThrow(createWorkspaceSchema, { name: o.name, slug: o.slug });
    const db = await ctx.db();
    const owner = await resolveOwner(db, o.owner, ctx.env.appUrl);
    const tenant = await db.transaction((tx) =>
      createWorkspace(tx, {
        name: o.name ?? '',
        slug: o.slug,
        ownerUserId: owner.id,
        ownerLabel: cliActor(owner.email),
      }),
    );
    const url = `${ctx.env.appUrl}/${tenant.slug}`;
    if (o.json) {
      ctx.out(
        JSON.stringify(
          { id: tenant.id, slug: tenant.slug, name: tenant.name, owner: owner.email, url },
          null,
          2,
        ),
      );
    } else {
      ctx.out(`Created workspace "${tenant.name}" owned by ${owner.email}.`);
      ctx.out(`slug: ${tenant.slug}`);
      ctx.out(`url:  ${url}`);
    }
    return 0;
  },
});
