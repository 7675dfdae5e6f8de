/** zod schema of the ad settings form and API body (lib/ads/settings.ts). */
import { z } from 'zod';
import { blankToUndefined, toList } from './schemas';

const wordList = (max: number, label: string) =>
  z.preprocess(
    toList,
    z
      .array(z.string().trim().min(1).max(60, `A ${label} is at most 60 characters.`))
      .max(max, `At most ${max} ${label}s.`)
      .transform((l) => [...new Set(l)]),
  );

export const adSettingsInputSchema = z
  .object({
    provider: z.enum(['template', 'openai', 'local'], {
      message: 'Choose template, OpenAI-compatible or local.',
    }),
    openaiBaseUrl: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .url('Enter the endpoint’s base URL, e.g. https://api.example.com/v1.')
        .refine((u) => /^https?:\/\//i.test(u), 'The base URL must start with http:// or https://.')
        .optional(),
    ),
    openaiModel: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    /** Write-only: blank keeps the stored key. */
    openaiKey: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
    clearOpenaiKey: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
    localModel: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[\w.-]+(\/[\w.-]+)?$/, 'Use a model id such as tailor/tiny-gpt2.')
        .refine((s) => !s.split('/').includes('..'), 'Use a model id such as tailor/tiny-gpt2.')
        .optional(),
    ),
    brandName: z.preprocess(
      blankToUndefined,
      z.string().trim().max(60, 'The brand name is at most 60 characters.').optional(),
    ),
    bannedWords: wordList(200, 'banned word'),
    requiredTerms: wordList(10, 'required term'),
    temperature: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'The temperature must be a number.' })
        .min(0, 'Use 0 to 1.5.')
        .max(1.5, 'Use 0 to 1.5.')
        .default(0.7),
    ),
  })
  .superRefine((s, issue) => {
    if (s.provider === 'openai' && !s.openaiBaseUrl)
      issue.addIssue({ code: 'custom', path: ['openaiBaseUrl'], message: 'Enter the endpoint’s base URL.' });
    if (s.provider === 'openai' && !s.openaiModel)
      issue.addIssue({ code: 'custom', path: ['openaiModel'], message: 'Enter the model name.' });
    if (s.provider === 'local' && !s.localModel)
      issue.addIssue({ code: 'custom', path: ['localModel'], message: 'Enter the local model id.' });
  });
export type AdSettingsInput = z.output<typeof adSettingsInputSchema>;
