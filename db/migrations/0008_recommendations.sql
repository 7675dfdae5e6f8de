CREATE TABLE "placements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"scenario" text NOT NULL,
	"count" integer DEFAULT 8 NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"layout" text DEFAULT 'grid' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommend_models" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'training' NOT NULL,
	"live" boolean DEFAULT false NOT NULL,
	"trained_at" timestamp with time zone,
	"as_of" timestamp with time zone NOT NULL,
	"data_from" timestamp with time zone,
	"data_to" timestamp with time zone,
	"shoppers" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"interactions" integer DEFAULT 0 NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"artefact" "bytea",
	"artefact_bytes" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommend_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommend_models" ADD CONSTRAINT "recommend_models_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placements_key_idx" ON "placements" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "placements_scenario_idx" ON "placements" USING btree ("tenant_id","scenario");--> statement-breakpoint
CREATE UNIQUE INDEX "recommend_models_version_idx" ON "recommend_models" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "recommend_models_live_idx" ON "recommend_models" USING btree ("tenant_id") WHERE "recommend_models"."live";