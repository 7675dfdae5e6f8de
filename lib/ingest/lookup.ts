import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';

/**
 * Tailor ids of records by external id within a tenant (products or shoppers), one indexed
 * lookup per id (a lateral subquery, so the plan does not depend on table statistics the
 * embedded database never collects). Unknown ids are absent from the map.
 */
export async function lookupIds(
  exec: Executor,
  tenantId: string,
  table: 'products' | 'shoppers',
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (externalIds.length === 0) return map;
  const rows = rowsOf<{ ext: string; id: string }>(
    await exec.execute(sql`
      select v.ext, r.id
      from json_array_elements_text(${JSON.stringify(externalIds)}::json) v(ext)
      cross join lateral (
        select id from ${sql.raw(table)} where tenant_id = ${tenantId} and external_id = v.ext limit 1
      ) r`),
  );
  for (const r of rows) map.set(r.ext, r.id);
  return map;
}
