/** Tests only: shoppers stored the way the product stores them (sealed email and name, keyed hash). */
import type { Executor } from '@/db/client';
import { shoppers } from '@/db/schema';
import { lookupHash, piiVersionOf, sealPii } from '@/lib/privacy/pii';
import type { TenantContext } from '@/lib/tenant/context';

export async function insertTestShopper(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  s: { email?: string; name?: string; externalId?: string; country?: string },
): Promise<string> {
  const t = ctx.tenantId;
  const emailEnc = s.email ? await sealPii(exec, t, s.email) : null;
  const [row] = await exec
    .insert(shoppers)
    .values({
      tenantId: t,
      kind: 'customer',
      externalId: s.externalId ?? null,
      emailHash: s.email ? await lookupHash(exec, t, s.email) : null,
      emailEnc,
      nameEnc: s.name ? await sealPii(exec, t, s.name) : null,
      piiKeyVersion: emailEnc ? piiVersionOf(emailEnc) : null,
      country: s.country ?? null,
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
    })
    .returning({ id: shoppers.id });
  if (!row) throw new Error('no shopper inserted');
  return row.id;
}
