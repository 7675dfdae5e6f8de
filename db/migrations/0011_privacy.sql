CREATE TABLE "audit_verifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entries" integer NOT NULL,
	"ok" boolean NOT NULL,
	"first_bad_id" text,
	"duration_ms" integer NOT NULL,
	"actor" text NOT NULL,
	CONSTRAINT "audit_verifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"tenant_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"shopper_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"policy_version" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_state" (
	"tenant_id" uuid NOT NULL,
	"shopper_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"policy_version" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_state_tenant_id_shopper_id_purpose_pk" PRIMARY KEY("tenant_id","shopper_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "data_keys" (
	"tenant_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"version" integer NOT NULL,
	"wrapped" text NOT NULL,
	"kek_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "data_keys_tenant_id_purpose_version_pk" PRIMARY KEY("tenant_id","purpose","version")
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"regulation" text NOT NULL,
	"source" text NOT NULL,
	"shopper_id" uuid,
	"subject_hash" text NOT NULL,
	"contact_enc" text,
	"due_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"verification" jsonb,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"rejected_reason" text,
	"completed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"tenant_id" uuid NOT NULL,
	"consent_mode" text DEFAULT 'opt_out' NOT NULL,
	"unconsented_events" text DEFAULT 'anonymize' NOT NULL,
	"policy_version" text DEFAULT '1' NOT NULL,
	"raw_events_days" integer,
	"inactive_shopper_months" integer,
	"logs_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"policy" jsonb NOT NULL,
	"removed" jsonb NOT NULL,
	"trigger" text NOT NULL,
	CONSTRAINT "retention_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{events:write,catalog:write,data:read,recommend:read,privacy:write,jobs:run}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "shoppers" ADD COLUMN "email_hash" text;--> statement-breakpoint
ALTER TABLE "shoppers" ADD COLUMN "email_enc" text;--> statement-breakpoint
ALTER TABLE "shoppers" ADD COLUMN "name_enc" text;--> statement-breakpoint
ALTER TABLE "shoppers" ADD COLUMN "pii_key_version" integer;--> statement-breakpoint
ALTER TABLE "audit_verifications" ADD CONSTRAINT "audit_verifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_state" ADD CONSTRAINT "consent_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_verifications_time_idx" ON "audit_verifications" USING btree ("tenant_id","verified_at");--> statement-breakpoint
CREATE INDEX "consent_records_shopper_idx" ON "consent_records" USING btree ("tenant_id","shopper_id","recorded_at");--> statement-breakpoint
CREATE INDEX "consent_records_time_idx" ON "consent_records" USING btree ("tenant_id","recorded_at");--> statement-breakpoint
CREATE INDEX "consent_state_denied_idx" ON "consent_state" USING btree ("tenant_id","purpose") WHERE not "consent_state"."granted";--> statement-breakpoint
CREATE INDEX "privacy_requests_status_idx" ON "privacy_requests" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_shopper_idx" ON "privacy_requests" USING btree ("tenant_id","shopper_id");--> statement-breakpoint
CREATE INDEX "retention_runs_time_idx" ON "retention_runs" USING btree ("tenant_id","ran_at");--> statement-breakpoint
CREATE INDEX "shoppers_email_hash_idx" ON "shoppers" USING btree ("tenant_id","email_hash") WHERE email_hash is not null;--> statement-breakpoint
-- Issue 7: the audit log becomes a hash chain per workspace. The canonical text of an entry is
-- defined once, here; inserts are chained by a trigger under a per-workspace advisory lock (so
-- concurrent writers cannot fork the chain), and lib/audit/chain.ts verifies with the same text.
CREATE OR REPLACE FUNCTION tailor_audit_canonical(a audit_log) RETURNS text AS $$
  SELECT json_build_array(
    a.tenant_id::text, a.id::text, a.actor_user_id::text, a.actor_label, a.action, a.target_type,
    a.target_id, a.details::text, host(a.ip), (extract(epoch FROM a.created_at) * 1000000)::bigint::text
  )::text
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tailor_audit_chain() RETURNS trigger AS $$
DECLARE
  prev text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || NEW.tenant_id::text, 0));
  -- Ids are drawn under the lock, so id order is chain order even with concurrent writers.
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  SELECT hash INTO prev FROM audit_log WHERE tenant_id = NEW.tenant_id ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(prev, '');
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || tailor_audit_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  prev text := '';
  cur uuid := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY tenant_id, id LOOP
    IF cur IS DISTINCT FROM r.tenant_id THEN
      prev := '';
      cur := r.tenant_id;
    END IF;
    r.prev_hash := prev;
    r.hash := encode(sha256(convert_to(prev || tailor_audit_canonical(r), 'UTF8')), 'hex');
    UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE tenant_id = r.tenant_id AND id = r.id;
    prev := r.hash;
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION tailor_audit_chain();
