import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportProgress } from '@/components/import/import-progress';
import { ImportSummary } from '@/components/import/import-summary';
import { MappingSection } from '@/components/import/mapping-section';
import {
  FORMAT_LABELS,
  KIND_LABELS,
  failureOf,
  formatBytes,
  importState,
  summaryOf,
} from '@/components/import/present';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { deleteImportAction } from '@/lib/import/actions';
import { formatDateTime } from '@/lib/format';
import { previewImport } from '@/lib/import/preview';
import { getImport, listMappings } from '@/lib/import/queries';
import { mappingFromForm } from '@/lib/import/schemas';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import' };

export default async function ImportDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const db = await getDb();
  const [tenant, imp] = await Promise.all([getTenant(db, page.ctx), getImport(db, page.ctx, id)]);
  if (!tenant || !imp) notFound();
  const { ctx } = page;
  const state = importState(imp);
  const canWrite = hasPermission(ctx, 'data.write');
  const summary = summaryOf(imp);
  const failure = failureOf(imp);
  const query = await searchParams;
  const chosen =
    query.map === 'none'
      ? {}
      : mappingFromForm(
          Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
        );
  const showMapping = canWrite && state.startable;
  const preview = showMapping
    ? await previewImport(db, ctx, id, {
        mapping: Object.keys(chosen).length || query.map === 'none' ? chosen : undefined,
      })
    : null;
  const saved = showMapping ? await listMappings(db, ctx, imp.kind) : [];
  const options = imp.options as { currency?: string };

  return (
    <>
      <PageHeader
        title={imp.fileName}
        description={
          <>
            {KIND_LABELS[imp.kind] ?? imp.kind} · {FORMAT_LABELS[imp.format] ?? imp.format} ·{' '}
            {formatBytes(imp.sizeBytes)} · uploaded{' '}
            {formatDateTime(imp.createdAt, tenant.locale, tenant.timeZone)} ·{' '}
            <Link href={`/${slug}/import`} className="text-brand-700 underline">
              all imports
            </Link>
          </>
        }
        actions={
          <div className="flex items-center gap-3">
            <Badge color={state.tone}>{state.text}</Badge>
            {canWrite && !state.active ? (
              <ConfirmForm
                action={deleteImportAction}
                fields={{ tenant: slug, id: imp.id }}
                label="Delete"
                accessibleLabel={`Delete the import of ${imp.fileName}`}
                question="Delete this import, its stored file and error report? Imported records stay."
                confirmLabel="Delete import"
                pendingText="Deleting…"
              />
            ) : null}
          </div>
        }
      />
      <div className="space-y-6">
        {state.active ? (
          <Card
            title="Importing"
            description="Rows are written in batches; each batch is saved completely or not at all, and a stopped import continues where it left off."
          >
            <ImportProgress
              slug={slug}
              imp={imp}
              canCancel={hasPermission(ctx, 'jobs.cancel')}
              locale={tenant.locale}
            />
          </Card>
        ) : null}
        {failure ? (
          <Card title="The import did not finish">
            <p role="alert" className="text-sm text-red-800">
              {failure}
            </p>
          </Card>
        ) : null}
        {summary && !state.active ? (
          <Card
            title="Result"
            description={
              imp.finishedAt
                ? `Finished ${formatDateTime(imp.finishedAt, tenant.locale, tenant.timeZone)}.`
                : undefined
            }
          >
            <ImportSummary
              summary={summary}
              kind={imp.kind}
              errorsHref={`/${slug}/import/${imp.id}/errors.csv`}
              locale={tenant.locale}
            />
          </Card>
        ) : null}
        {preview ? (
          <MappingSection
            slug={slug}
            preview={preview}
            saved={saved.map((m) => ({ id: m.id, name: m.name, mapping: m.mapping }))}
            currency={options.currency ?? tenant.currency}
            locale={tenant.locale}
            timeZone={tenant.timeZone}
          />
        ) : null}
      </div>
    </>
  );
}
