import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, notFound } from '@/lib/errors';
import { exportShopper, exportToCsvFiles } from '@/lib/privacy/access/service';
import type { ShopperExport } from '@/lib/privacy/subject-types';
import type { TenantContext } from '@/lib/tenant/context';
import { exportAvailableUntil } from './due-dates';
import { getRequestRow } from './queries';
import { requestIdSchema } from './schemas';
import { requireManage } from './service';
import { subjectLabel } from './subject';

export type ExportFormat = { kind: 'json' } | { kind: 'csv'; section: string };

/** A file to send: name and body. */
export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

/**
 * The access export of a processed access request as a download: the whole export as JSON, or
 * one section as CSV. Available from processing until 30 days after the request closed; each
 * download is audited (the export is personal data leaving Tailor).
 * @throws AppError not_found (unknown id, not an access request, section unknown), conflict
 *   (not processed yet, expired, subject gone), forbidden without privacy.manage.
 */
export async function downloadRequestExport(
  db: Db,
  ctx: TenantContext,
  id: string,
  format: ExportFormat,
  now = new Date(),
): Promise<ExportFile> {
  requireManage(ctx);
  if (!requestIdSchema.safeParse({ id }).success) throw notFound('Privacy request not found.');
  const row = await getRequestRow(db, ctx, id);
  if (row?.kind !== 'access') throw notFound('Privacy request not found.');
  if (!row.result) throw new AppError('conflict', 'The export is ready once the request is completed.');
  const until = exportAvailableUntil(row.completedAt);
  if (until && until < now)
    throw new AppError('conflict', 'This export expired 30 days after the request was completed.');
  if (!row.shopperId) throw new AppError('conflict', 'Tailor holds no data about this subject.');
  const exp: ShopperExport = await exportShopper(db, ctx, row.shopperId);
  const base = `privacy-request-${row.id.slice(0, 8)}`;
  let file: ExportFile;
  if (format.kind === 'json') {
    file = {
      name: `${base}.json`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(exp, null, 2),
    };
  } else {
    const csv = exportToCsvFiles(exp).find(
      (f) => f.name === format.section || f.name === `${format.section}.csv`,
    );
    if (!csv) throw notFound('No such section in this export.');
    const section = csv.name.replace(/\.csv$/, '');
    file = { name: `${base}-${section}.csv`, contentType: 'text/csv; charset=utf-8', body: csv.csv };
  }
  await recordAudit(db, ctx, {
    action: 'privacy.request_export_downloaded',
    targetType: 'privacy_request',
    targetId: row.id,
    details: {
      format: format.kind,
      ...(format.kind === 'csv' ? { section: format.section } : {}),
      ...(await subjectLabel(db, ctx, row.shopperId)),
    },
  });
  return file;
}

/** The file as an HTTP response (no caching: it is personal data). */
export function exportFileResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'no-store',
    },
  });
}
