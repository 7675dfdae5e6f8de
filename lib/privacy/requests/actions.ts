'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { completeRequest } from './process';
import { createRequest, rejectRequest, startRequest, verifyRequest } from './service';

export type RequestActionResult = ActionResult<{ id: string; status: string }>;
const brief = (r: { id: string; status: string }) => ({ id: r.id, status: r.status });

const create = tenantAction('privacy.manage', async (db, ctx, input) =>
  brief(await createRequest(db, ctx, input, 'dashboard')),
);

/**
 * Files a request from the dashboard. Fields: `tenant`, `kind`, `regulation`, `identifierType`,
 * `identifier`, `contact?`, `note?`, and for a rectification `newEmail?`, `newName?`, `newCountry?`,
 * `newLocale?`. Success: `{ id, status }`.
 */
export async function createPrivacyRequestAction(
  prev: unknown,
  formData: FormData,
): Promise<RequestActionResult> {
  return create(prev, formData);
}

const verify = tenantAction('privacy.manage', async (db, ctx, input) =>
  brief(await verifyRequest(db, ctx, input)),
);

/** Records the identity verification. Fields: `tenant`, `id`, `method`, `note?`. */
export async function verifyPrivacyRequestAction(
  prev: unknown,
  formData: FormData,
): Promise<RequestActionResult> {
  return verify(prev, formData);
}

const start = tenantAction('privacy.manage', async (db, ctx, input) =>
  brief(await startRequest(db, ctx, input)),
);

/** Marks a verified request as in progress. Fields: `tenant`, `id`. */
export async function startPrivacyRequestAction(
  prev: unknown,
  formData: FormData,
): Promise<RequestActionResult> {
  return start(prev, formData);
}

const complete = tenantAction('privacy.manage', async (db, ctx, input) =>
  brief(await completeRequest(db, ctx, input)),
);

/** Processes the request (export, erasure, rectification or opt-out) and completes it. Fields: `tenant`, `id`. */
export async function completePrivacyRequestAction(
  prev: unknown,
  formData: FormData,
): Promise<RequestActionResult> {
  return complete(prev, formData);
}

const reject = tenantAction('privacy.manage', async (db, ctx, input) =>
  brief(await rejectRequest(db, ctx, input)),
);

/** Closes a request without processing it. Fields: `tenant`, `id`, `reason`. */
export async function rejectPrivacyRequestAction(
  prev: unknown,
  formData: FormData,
): Promise<RequestActionResult> {
  return reject(prev, formData);
}
