import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema, signUpSchema } from '@/lib/auth/schemas';
import { AppError, conflict } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { defineCommand } from '../command';

const userSchema = signUpSchema.pick({ name: true, email: true, password: true });

export const userCreate = defineCommand({
  name: 'user create',
  summary: 'Create a user account without a workspace (for installs with sign-up turned off).',
  description:
    'No prompts, so it works in scripts and containers. Without --password a strong password is\n' +
    'generated and printed once; --password-stdin reads it from the first line of stdin instead\n' +
    '(keeps it out of the shell history). Give the user a workspace with `tailor workspace create --owner`.',
  options: {
    email: { type: 'string', required: true, description: 'Sign-in email.' },
    name: { type: 'string', required: true, description: 'Display name.' },
    password: {
      type: 'string',
      description: 'At least 10 characters, letters mixed with digits or symbols.',
    },
    'password-stdin': { type: 'boolean', description: 'Read the password from stdin.' },
  },
  examples: [
    'tailor user create --email ana@acme.test --name "Ana Lima"',
    'echo "$PW" | tailor user create --email ana@acme.test --name Ana --password-stdin',
  ],
  async run(ctx, o) {
    const generated = !o.password && !o['password-stdin'];
    const password = o['password-stdin']
      ? await readFirstLine(process.stdin)
      : (o.password ?? generatePassword());
    const input = parseOrThrow(userSchema, { name: o.name, email: o.email, password });
    const user = await createUser(await ctx.db(), input);
    ctx.out(`Created user ${user.email} (${user.name}).`);
    if (generated) ctx.out(`password: ${password}    (shown once; change it after signing in)`);
    ctx.out(`Next: tailor workspace create --name <name> --owner ${user.email}`);
    return 0;
  },
});

/**
 * Inserts a user with an argon2id password hash. Throws `conflict` when the email is taken.
 * (Candidate for lib/auth/service.ts once the app needs it too.)
 */
export async function createUser(db: Db, input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1);
    if (existing)
      throw conflict('A user with this email already exists.', {
        email: ['A user with this email already exists.'],
      });
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw new AppError('internal', 'Could not create the user.');
    return user;
  });
}

/** Four groups of five characters from a-z and 2-9, e.g. `k7mqa-x2p9d-…` (~100 bits). */
function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  for (;;) {
    const bytes = crypto.randomBytes(20);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    const candidate = chars.match(/.{5}/g)?.join('-') ?? chars;
    if (passwordSchema.safeParse(candidate).success && /\d/.test(candidate)) return candidate;
  }
}

async function readFirstLine(stream: NodeJS.ReadStream): Promise<string> {
  let data = '';
  for await (const chunk of stream) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}
