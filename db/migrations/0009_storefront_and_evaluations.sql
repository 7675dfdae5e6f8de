CREATE TABLE "recommend_evaluations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"protocol" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"report" jsonb,
	"error" text,
	"job_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "recommend_evaluations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "storefront_settings" (
	"tenant_id" uuid NOT NULL,
	"attribution_window_days" integer DEFAULT 7 NOT NULL,
	"holdout_share" double precision DEFAULT 0.1 NOT NULL,
	"theme" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"default_title" text,
	"product_url_template" text DEFAULT '/products/{id}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "storefront_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "recommend_evaluations" ADD CONSTRAINT "recommend_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storefront_settings" ADD CONSTRAINT "storefront_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommend_evaluations_time_idx" ON "recommend_evaluations" USING btree ("tenant_id","created_at");