import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import type { ImportPreview } from '@/lib/import/preview';
import { MappingForm } from './mapping-form';
import { PreviewTable } from './preview-table';

const RETAIL_NOTE =
  'An Online Retail (UCI) file: products come from stock codes, customers from customer IDs and orders from invoices; C… invoices are recorded as returns.';
const MAPPING_NOTE = 'Each Tailor field takes the column shown. Fields left out keep what is already stored.';

/**
 * The mapping, its problems and the first rows. A new import shows it as the page's main card;
 * after a run it folds away under "Import this file again" (open when the run failed).
 */
export function MappingSection({
  slug,
  preview,
  saved,
  currency,
  locale,
  timeZone,
}: {
  slug: string;
  preview: ImportPreview;
  saved: { id: string; name: string; mapping: Record<string, string> }[];
  currency: string;
  locale: string;
  timeZone: string;
}) {
  const imp = preview.import;
  const retail = imp.format === 'online-retail';
  const body: ReactNode = (
    <>
      {preview.sameFile ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          This exact file was imported before ({formatDateTime(preview.sameFile.createdAt, locale, timeZone)}
          ). Importing it again is safe: records are matched by ID and unchanged ones are left alone.
        </p>
      ) : null}
      {preview.problems.length > 0 ? (
        <ul
          role="alert"
          className="mb-4 space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <MappingForm
        slug={slug}
        importId={imp.id}
        kind={imp.kind}
        retail={retail}
        fields={preview.fields}
        columns={preview.columns}
        initial={preview.mapping}
        saved={saved}
        currency={currency}
        blocked={preview.problems.length > 0}
        restart={imp.status !== 'pending'}
      />
      <div className="mt-6">
        <h3 className="mb-2 text-sm font-semibold text-slate-900">First rows</h3>
        <PreviewTable fields={preview.fields} rows={preview.rows} />
      </div>
    </>
  );
  if (imp.status === 'pending') {
    return (
      <Card title="Check the mapping" description={retail ? RETAIL_NOTE : MAPPING_NOTE}>
        {body}
      </Card>
    );
  }
  return (
    <details
      open={imp.status === 'failed' || imp.status === 'cancelled'}
      className="group rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <summary className="cursor-pointer text-base font-semibold text-slate-900">
        Import this file again
      </summary>
      <p className="mb-4 mt-1 text-sm text-slate-600">{retail ? RETAIL_NOTE : MAPPING_NOTE}</p>
      {body}
    </details>
  );
}
