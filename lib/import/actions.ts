'use server';

import { redirect } from 'next/navigation';
import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { mappingFromForm } from './schemas';
import { deleteImport, saveMapping, startImport } from './service';

const start = tenantAction('data.write', async (db, ctx, input) => {
  const row = await startImport(db, ctx, {
    id: input.id,
    mapping: input.useStoredMapping === 'true' ? undefined : mappingFromForm(input),
    currency: input.currency,
  });
  return { id: row.id, jobId: row.jobId };
});

/** Starts an import with the mapping chosen in the form (`map.<field>` = column). */
export async function startImportAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; jobId: string | null }>> {
  return start(prev, formData);
}

const save = tenantAction('data.write', async (db, ctx, input) => {
  const row = await saveMapping(db, ctx, {
    name: input.name,
    kind: input.kind,
    mapping: mappingFromForm(input),
  });
  return { id: row.id, name: row.name };
});

/** Saves the form's mapping under a name, for the next file of the same kind. */
export async function saveMappingAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; name: string }>> {
  return save(prev, formData);
}

const remove = tenantAction('data.write', async (db, ctx, input) => {
  await deleteImport(db, ctx, String(input.id ?? ''));
  redirect(`/${ctx.slug}/import`); // the import's own page is gone
});

/** Deletes a finished import with its stored file and error report, then shows the list. */
export async function deleteImportAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return remove(prev, formData);
}
