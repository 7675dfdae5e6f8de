import { z } from 'zod';
import { emailSchema } from '@/lib/members/schemas';
import { workspaceNameSchema } from '@/lib/workspace/schemas';

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), 'Mix letters with digits or symbols.');

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(80, 'At most 80 characters.'),
  email: emailSchema,
  password: passwordSchema,
  workspaceName: workspaceNameSchema,
});

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
