import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_KINDS } from './fields';

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (c) => Intl.supportedValuesOf('currency').includes(c),
    'Choose a currency code such as EUR or GBP.',
  );

/** What an upload says about its file (query parameters of the upload route, CLI flags). */
export const uploadSchema = z.object({
  fileName: z.string().trim().min(1, 'The file needs a name.').max(255),
  kind: z.enum(IMPORT_KINDS, {
    message: 'Choose what the file holds: products, shoppers, orders or events.',
  }),
  format: z
    .enum(['auto', ...IMPORT_FORMATS], {
      message: 'Choose a format: auto, csv, json, ndjson or online-retail.',
    })
    .default('auto'),
  currency: z.preprocess((v) => (v === '' ? undefined : v), currency.optional()),
});
export type UploadInput = z.input<typeof uploadSchema>;

/** Form fields `map.<target>` = column ('' = not mapped) → `{ target: column }`. */
export function mappingFromForm(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    if (!k.startsWith('map.') || typeof v !== 'string' || v === '') continue;
    out[k.slice(4)] = v;
  }
  return out;
}

const mappingSchema = z.record(z.string().max(100), z.string().max(300));

export const startSchema = z.object({
  id: z.string().uuid('Unknown import.'),
  /** Absent: the mapping stored on the import (detected at upload). */
  mapping: mappingSchema.optional(),
  currency: z.preprocess((v) => (v === '' ? undefined : v), currency.optional()),
});
export type StartInput = z.input<typeof startSchema>;

export const saveMappingSchema = z.object({
  name: z.string().trim().min(1, 'Give the mapping a name.').max(80, 'At most 80 characters.'),
  kind: z.enum(IMPORT_KINDS),
  mapping: mappingSchema,
});
