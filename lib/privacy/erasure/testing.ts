/**
 * Tests and the benchmark: a workspace where one shopper appears in every table that can hold a
 * shopper (events, orders, profile with interest vector, scores, consent, identity links, a
 * stitched visitor, segment sizes, webhook receipts, import rejections, jobs, a trained
 * recommendation model, a prediction model, a request, an audit entry by pseudonym), next to a
 * second shopper of the same workspace whose data must survive the erasure untouched.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { pseudonymOf, sealPii } from '@/lib/privacy/pii';
import { serializeArtefact } from '@/lib/recommend/train/artefact';
import type { ModelArtefact } from '@/lib/recommend/train/model-artefact';
import type { TenantContext } from '@/lib/tenant/context';

export interface SeededShopper {
  id: string;
  visitorId: string;
  externalId: string;
  anonymousId: string;
  sessionId: string;
  email: string;
  name: string;
}

export interface SeededWorkspace {
  subject: SeededShopper;
  other: SeededShopper;
  productIds: string[];
  segmentId: string;
}

let seq = 0;

async function insertShopper(
  exec: Executor,
  ctx: TenantContext,
  label: string,
  tag: string,
): Promise<SeededShopper> {
  const t = ctx.tenantId;
  const email = `${label}.${tag}@mail.example`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Quixote-${tag}`;
  const externalId = `cust-${label}-${tag}`;
  const anonymousId = `anon-${label}-${tag}-browser`;
  const sessionId = `sess-${label}-${tag}-0001`;
  const [emailEnc, nameEnc] = [await sealPii(exec, t, email), await sealPii(exec, t, name)];
  const r = await exec.execute(sql`
    insert into shoppers (tenant_id, kind, external_id, email_hash, email_enc, name_enc, pii_key_version, country, locale, first_seen_at, last_seen_at)
    values (${t}, 'customer', ${externalId}, ${`hash-${tag}-${label}`}, ${emailEnc}, ${nameEnc}, 1, 'DE', 'de', now() - interval '90 days', now())
    returning id`);
  const id = rowsOf<{ id: string }>(r)[0]!.id;
  const v = await exec.execute(sql`
    insert into shoppers (tenant_id, kind, anonymous_id, first_seen_at, last_seen_at)
    values (${t}, 'visitor', ${anonymousId}, now() - interval '100 days', now() - interval '90 days') returning id`);
  const visitorId = rowsOf<{ id: string }>(v)[0]!.id;
  return { id, visitorId, externalId, anonymousId, sessionId, email, name };
}

/** A tiny but well-formed recommendation artefact over these shoppers and items (histories: every item). */
export function tinyArtefact(shopperIds: string[], itemIds: string[]): ModelArtefact {
  const nS = shopperIds.length;
  const nI = itemIds.length;
  const perShopper = (k: number) => Int32Array.from({ length: nS + 1 }, (_, s) => s * k);
  const allItems = (k: number) => Int32Array.from({ length: nS * k }, (_, p) => p % k);
  const emptyRows = (n: number) => ({
    ptr: new Int32Array(n + 1),
    items: new Int32Array(0),
    scores: new Float32Array(0),
  });
  return {
    asOf: Date.now(),
    itemIds,
    shopperIds,
    features: ['knn'],
    weights: [1],
    history: { ptr: perShopper(nI), items: allItems(nI) },
    knn: emptyRows(nI),
    ease: emptyRows(nI),
    buyAgain: {
      ptr: perShopper(1),
      items: Int32Array.from({ length: nS }, () => 0),
      count: Int32Array.from({ length: nS }, () => 2),
      last: Float64Array.from({ length: nS }, () => Date.now()),
      medianDays: Float32Array.from({ length: nS }, () => 30),
      itemRate: new Float32Array(nI),
      itemMedianDays: new Float32Array(nI),
      storeMedianDays: 30,
      timingFloor: 1,
      recencyHalfLifeDays: null,
      purchases: Int32Array.from({ length: nS }, () => 2),
      lastPurchase: Float64Array.from({ length: nS }, () => Date.now()),
    },
    popularity: {
      prior: new Float32Array(nI),
      recent: new Float32Array(nI),
      decayed: new Float32Array(nI),
      decayedHalfLifeDays: 7,
      recentWindowDays: 30,
    },
    countries: ['DE'],
    shopperCountry: Int32Array.from({ length: nS }, () => 0),
    trendingByCountry: { ptr: new Int32Array(2), items: new Int32Array(0), scores: new Float32Array(0) },
    categories: [],
    itemCategory: new Int32Array(nI).fill(-1),
    fbt: { ...emptyRows(nI), lift: new Float32Array(0), together: new Int32Array(0) },
  };
}

async function seedActivity(
  exec: Executor,
  ctx: TenantContext,
  s: SeededShopper,
  products: string[],
  events: number,
) {
  const t = ctx.tenantId;
  // Views and purchases of the customer, with a session; an identifier-less event of that session
  // (stored after consent was withdrawn); the visitor's events before it identified.
  await exec.execute(sql`
    insert into events (tenant_id, event_id, type, shopper_id, anonymous_id, session_id, product_id, context, occurred_at)
    select ${t}, ${`${s.externalId}-e`} || g, case when g % 10 = 0 then 'add_to_cart' else 'view' end, ${s.id}::uuid, ${s.anonymousId},
      ${s.sessionId}, (${`{${products.join(',')}}`}::uuid[])[1 + g % ${products.length}],
      jsonb_build_object('url', '/p/' || g, 'customer', ${s.externalId}::text), now() - (g || ' minutes')::interval
    from generate_series(1, ${events}) g`);
  await exec.execute(sql`
    insert into events (tenant_id, event_id, type, shopper_id, anonymous_id, session_id, context, occurred_at) values
      (${t}, ${`${s.externalId}-anon`}, 'page_view', null, null, ${s.sessionId}, '{}'::jsonb, now()),
      (${t}, ${`${s.externalId}-visitor`}, 'page_view', ${s.visitorId}::uuid, ${s.anonymousId}, ${`${s.sessionId}-v`}, '{}'::jsonb, now() - interval '95 days')`);
  await exec.execute(
    sql`insert into identity_links (tenant_id, anonymous_id, shopper_id) values (${t}, ${s.anonymousId}, ${s.id}::uuid)`,
  );
  for (let i = 0; i < 2; i++) {
    const o = await exec.execute(sql`
      insert into orders (tenant_id, external_id, shopper_id, status, currency, total_minor, country, placed_at)
      values (${t}, ${`order-${s.sessionId.slice(5, -5)}-${i}`}, ${s.id}::uuid, 'paid', 'EUR', ${1999 + i * 1000}, 'DE', now() - interval '10 days')
      returning id`);
    const orderId = rowsOf<{ id: string }>(o)[0]!.id;
    await exec.execute(sql`
      insert into order_lines (tenant_id, order_id, line_no, product_id, product_external_id, title, quantity, unit_price_minor)
      values (${t}, ${orderId}::uuid, 1, ${products[0]!}::uuid, 'sku-1', 'Linen shirt', 1, ${1999 + i * 1000})`);
  }
  await exec.execute(sql`
    insert into shopper_profiles (tenant_id, shopper_id, orders, monetary_minor, interest, details)
    values (${t}, ${s.id}::uuid, 2, 4998, '{0.6,0.8}'::real[], ${JSON.stringify({ favouriteProducts: products.slice(0, 1), customer: s.externalId })}::jsonb)`);
  // Granted on the first visit, personalization withdrawn later (segments need advertising only).
  for (const p of ['analytics', 'personalization', 'advertising']) {
    await exec.execute(sql`insert into consent_records (tenant_id, shopper_id, purpose, granted, source, policy_version)
      values (${t}, ${s.id}::uuid, ${p}, true, 'snippet', '1'), (${t}, ${s.id}::uuid, ${p}, ${p !== 'personalization'}, 'api', '2')`);
    await exec.execute(sql`insert into consent_state (tenant_id, shopper_id, purpose, granted, source, policy_version)
      values (${t}, ${s.id}::uuid, ${p}, ${p !== 'personalization'}, 'api', '2')`);
  }
}

/**
 * Seeds the workspace (`tag` keeps ids unique across calls) with `subject` and `other`, each with
 * `events` events (default 30), and workspace-level artefacts that include both.
 */
export async function seedErasureWorkspace(
  exec: Executor,
  ctx: TenantContext,
  opts: { events?: number; tag?: string } = {},
): Promise<SeededWorkspace> {
  seq += 1;
  const tag = opts.tag ?? `${seq}${Date.now().toString(36)}`;
  const t = ctx.tenantId;
  const products: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r =
      await exec.execute(sql`insert into products (tenant_id, external_id, title, price_minor, currency)
      values (${t}, ${`sku-${tag}-${i}`}, ${JSON.stringify({ en: `Product ${i}` })}::jsonb, 1999, 'EUR') returning id`);
    products.push(rowsOf<{ id: string }>(r)[0]!.id);
  }
  const subject = await insertShopper(exec, ctx, 'zephyrine', tag);
  const other = await insertShopper(exec, ctx, 'bartholomew', tag);
  for (const s of [subject, other]) await seedActivity(exec, ctx, s, products, opts.events ?? 30);

  const pm = await exec.execute(sql`
    insert into prediction_models (tenant_id, kind, version, status, live, method, horizon_days, as_of, trained_at, shoppers, metrics, artefact)
    values (${t}, 'churn', 1, 'ready', true, 'logistic-gam', 90, now(), now(), 2, '{"auc":0.7}'::jsonb, '{"coefficients":[0.1,0.2]}'::jsonb)
    returning id`);
  const modelId = rowsOf<{ id: string }>(pm)[0]!.id;
  for (const s of [subject, other]) {
    await exec.execute(sql`insert into shopper_scores (tenant_id, shopper_id, kind, model_id, score, detail)
      values (${t}, ${s.id}::uuid, 'churn', ${modelId}::uuid, 0.42, ${JSON.stringify({ explanation: [{ feature: 'recency', contribution: 0.3 }] })}::jsonb)`);
  }
  const bytes = serializeArtefact(tinyArtefact([subject.id, other.id, subject.visitorId], products));
  await exec.execute(sql`insert into recommend_models (tenant_id, version, status, live, as_of, trained_at, shoppers, items, artefact, artefact_bytes)
    values (${t}, 1, 'ready', true, now(), now(), 3, ${products.length}, ${bytes}, ${bytes.byteLength})`);

  const seg = await exec.execute(sql`insert into segments (tenant_id, name, kind, rules)
    values (${t}, ${`Big spenders ${tag}`}, 'rules', ${JSON.stringify({ match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 1 }] })}::jsonb) returning id`);
  const segmentId = rowsOf<{ id: string }>(seg)[0]!.id;
  await exec.execute(
    sql`insert into segment_sizes (tenant_id, segment_id, day, size) values (${t}, ${segmentId}::uuid, current_date, 2)`,
  );

  const connId = '00000000-0000-4000-8000-000000000001';
  const imp =
    await exec.execute(sql`insert into imports (tenant_id, kind, format, file_name, file_path, size_bytes, sha256, summary)
    values (${t}, 'shoppers', 'csv', 'customers.csv', '/tmp/customers.csv', 100, 'abc',
      ${JSON.stringify({ samples: [`row 3: ${subject.email} has no name`], other: other.externalId })}::jsonb) returning id`);
  const importId = rowsOf<{ id: string }>(imp)[0]!.id;
  for (const [i, s] of [subject, other].entries()) {
    await exec.execute(sql`insert into webhook_deliveries (tenant_id, delivery_id, connection_id, topic)
      values (${t}, ${`customers/update:${s.externalId}`}, ${connId}::uuid, 'customers/update')`);
    await exec.execute(sql`insert into import_rejections (tenant_id, import_id, row_no, field, reason)
      values (${t}, ${importId}::uuid, ${i + 3}, 'email', ${`"${s.email}" is already used by ${s.externalId}`})`);
    await exec.execute(sql`insert into jobs (tenant_id, type, payload, status, result)
      values (${t}, 'profiles.rebuild', ${JSON.stringify({ shopperIds: [s.id], note: `for ${s.email}` })}::jsonb, 'succeeded',
        ${JSON.stringify({ [s.id]: 'done' })}::jsonb)`);
    // As a store's customers/redact webhook files it: the customer's store id in the details.
    await exec.execute(sql`insert into privacy_requests (tenant_id, kind, regulation, source, shopper_id, subject_hash, due_at, created_by, details)
      values (${t}, 'erasure', 'gdpr', 'shopify_webhook', ${s.id}::uuid, ${`hash-${tag}-${i}`}, now() + interval '30 days', 'test',
        ${JSON.stringify({ topic: 'customers/redact', customerId: s.externalId })}::jsonb)`);
    await recordAudit(exec, ctx, {
      action: 'shopper.viewed',
      targetType: 'shopper',
      targetId: await pseudonymOf(exec, t, s.id),
    });
  }
  return { subject, other, productIds: products, segmentId };
}
