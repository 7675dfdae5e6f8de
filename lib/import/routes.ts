import { getDb } from '@/db/client';
import { sessionTenant } from '@/lib/api/session-route';
import { errorResponse } from '@/lib/api/respond';
import { AppError, notFound } from '@/lib/errors';
import { getImport, listRejections } from './queries';
import { createImport } from './service';
import { MAX_UPLOAD_BYTES } from './storage';

// Route-handler glue for the dashboard's import routes (session cookie, not API keys).

/**
 * `POST /<slug>/import/upload?name=&kind=&format=&currency=` with the raw file as the body:
 * streamed to disk (never buffered), 200 MB at most. Answers 201 `{ id, url }` (the preview
 * page), or the API error envelope (400 for an unreadable file, 413 when too large).
 */
export async function handleUpload(req: Request, slug: string): Promise<Response> {
  try {
    const ctx = await sessionTenant(req, slug, 'data.write');
    const declared = Number(req.headers.get('content-length') ?? '0');
    if (declared > MAX_UPLOAD_BYTES) {
      throw new AppError('payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB.`);
    }
    if (!req.body) throw new AppError('bad_request', 'Send the file as the request body.');
    const q = new URL(req.url).searchParams;
    const row = await createImport(await getDb(), ctx, {
      body: req.body,
      fileName: q.get('name') ?? '',
      kind: q.get('kind') ?? '',
      format: q.get('format') || 'auto',
      currency: q.get('currency') ?? '',
    });
    return Response.json({ id: row.id, url: `/${ctx.slug}/import/${row.id}` }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A CSV field, quoted when needed; a leading = + - @ is defused so spreadsheets show text. */
function csvField(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * `GET /<slug>/import/<id>/errors.csv`: the rejected rows (row number, field, reason) as CSV,
 * streamed page by page. Another workspace's import is not found.
 */
export async function handleErrorsCsv(req: Request, slug: string, id: string): Promise<Response> {
  try {
    const ctx = await sessionTenant(req, slug, 'data.read');
    const db = await getDb();
    const row = await getImport(db, ctx, id);
    if (!row) throw notFound('Import not found.');
    const encoder = new TextEncoder();
    let after: number | undefined;
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode('\ufeffrow,field,reason\r\n'));
        }
        const page = await listRejections(db, ctx, id, { afterRow: after, limit: 2000 });
        if (page.length === 0) {
          controller.close();
          return;
        }
        // Keyset by row: take whole rows only, so a row's several fields never straddle pages.
        const lastRow =
          page.length === 2000 ? page[page.length - 1]!.rowNo - 1 : page[page.length - 1]!.rowNo;
        const lines = page
          .filter((r) => r.rowNo <= lastRow)
          .map((r) => `${r.rowNo},${csvField(r.field)},${csvField(r.reason)}\r\n`);
        after = lastRow;
        controller.enqueue(encoder.encode(lines.join('')));
      },
    });
    const base = row.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import';
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${base}-errors.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
