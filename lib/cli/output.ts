import { AppError } from '@/lib/errors';

/** A plain left-aligned text table; `null`/`undefined` cells print as "-". */
export function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => r.map(cellText));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)].join('\n');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '-';
  if (v instanceof Date) return v.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (Array.isArray(v)) return v.length ? v.join(',') : '-';
  return String(v);
}

/** Form field names → the flag that carries them, for error messages (`slug` → `--slug`). */
export type FieldFlags = Record<string, string>;

/**
 * One line for an AppError: its message plus the field errors named by flag, e.g.
 * `--slug: This address is reserved; pick another.` (the generic form message is dropped).
 */
export function formatAppError(e: AppError, flags: FieldFlags = {}): string {
  const fields = Object.entries(e.fieldErrors ?? {}).flatMap(([field, messages]) => {
    const base = field.split('.')[0] ?? field;
    const flag = field === '_' ? '' : `${flags[base] ?? `--${kebab(base)}`}: `;
    return messages.map((m) => `${flag}${m}`);
  });
  if (fields.length === 0) return e.message;
  const covered = fields.some((f) => f.endsWith(e.message));
  if (e.code === 'validation_failed' || covered) return fields.join('; ');
  return `${e.message} (${fields.join('; ')})`;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && 'code' in e);
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * A progress bar on a terminal (redrawn in place, ~10 times a second), or a line per step
 * and per 10 % when stderr is a file or pipe. `step` names what is being done; `detail`
 * (counts) changes often and is only drawn on terminals.
 */
export function createProgress(stream: NodeJS.WriteStream) {
  const tty = Boolean(stream.isTTY);
  let lastDraw = 0;
  let lastStep = '';
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done: number, total: number, step: string, detail = ''): void {
      const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const pct = Math.floor(ratio * 100);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && ratio < 1 && step === lastStep) return;
        lastDraw = now;
        lastStep = step;
        const width = 24;
        const full = Math.round(ratio * width);
        const cols = stream.columns || 80;
        const text = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(pct).padStart(3)}% ${step} ${detail}`;
        stream.write(`\r\x1b[2K${text.trimEnd().slice(0, cols - 1)}`);
        drawn = true;
        return;
      }
      const decile = Math.floor(pct / 10);
      if (step === lastStep && decile === lastDecile) return;
      lastStep = step;
      lastDecile = decile;
      stream.write(`${String(pct).padStart(3)}% ${step}\n`);
    },
    /** Ends the bar's line so following output starts clean. */
    done(): void {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
