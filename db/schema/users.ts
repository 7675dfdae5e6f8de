import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz } from './columns';

/** Users are global (one person can belong to several workspaces); they hold no tenant data. */
export const users = pgTable(
  'users',
  {
    id: idColumn().primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    lastSignInAt: tstz('last_sign_in_at'),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);
