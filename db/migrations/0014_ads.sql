CREATE TABLE "ad_arm_stats" (
	"tenant_id" uuid NOT NULL,
	"creative_id" uuid NOT NULL,
	"context_key" text DEFAULT '' NOT NULL,
	"campaign_id" uuid NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_arm_stats_tenant_id_creative_id_context_key_pk" PRIMARY KEY("tenant_id","creative_id","context_key")
);
--> statement-breakpoint
CREATE TABLE "ad_campaigns" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"objective" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"segment_ids" uuid[] DEFAULT '{}' NOT NULL,
	"product_mode" text DEFAULT 'recommended' NOT NULL,
	"product_ids" uuid[] DEFAULT '{}' NOT NULL,
	"locales" text[] NOT NULL,
	"channels" text[] NOT NULL,
	"budget_minor" integer,
	"currency" text,
	"budget_split" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"placement_key" text,
	"optimization" jsonb DEFAULT '{"policy":"thompson","reward":"click","explorationFloor":0.05,"autoPause":true,"alpha":1}'::jsonb NOT NULL,
	"last_generated_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ad_creatives" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"segment_id" uuid,
	"locale" text NOT NULL,
	"channel" text NOT NULL,
	"product_ids" uuid[] DEFAULT '{}' NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text DEFAULT 'candidate' NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"generation" jsonb NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	"paused_reason" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_creatives_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ad_experiments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"creative_ids" uuid[] NOT NULL,
	"metric" text DEFAULT 'click' NOT NULL,
	"plan" jsonb NOT NULL,
	"salt" text NOT NULL,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_experiments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ad_linucb_state" (
	"tenant_id" uuid NOT NULL,
	"creative_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"dimensions" integer NOT NULL,
	"a" double precision[] NOT NULL,
	"b" double precision[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_linucb_state_tenant_id_creative_id_pk" PRIMARY KEY("tenant_id","creative_id")
);
--> statement-breakpoint
CREATE TABLE "ad_settings" (
	"tenant_id" uuid NOT NULL,
	"provider" text DEFAULT 'template' NOT NULL,
	"openai_base_url" text,
	"openai_model" text,
	"openai_key_sealed" text,
	"local_model" text,
	"brand_name" text,
	"banned_words" text[] DEFAULT '{}' NOT NULL,
	"required_terms" text[] DEFAULT '{}' NOT NULL,
	"temperature" real DEFAULT 0.7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "ad_arm_stats" ADD CONSTRAINT "ad_arm_stats_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_campaigns" ADD CONSTRAINT "ad_campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_creatives" ADD CONSTRAINT "ad_creatives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_experiments" ADD CONSTRAINT "ad_experiments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_linucb_state" ADD CONSTRAINT "ad_linucb_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_settings" ADD CONSTRAINT "ad_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_arm_stats_campaign_idx" ON "ad_arm_stats" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "ad_campaigns_placement_idx" ON "ad_campaigns" USING btree ("tenant_id","placement_key");--> statement-breakpoint
CREATE INDEX "ad_creatives_campaign_idx" ON "ad_creatives" USING btree ("tenant_id","campaign_id","segment_id","locale","channel");--> statement-breakpoint
CREATE INDEX "ad_experiments_campaign_idx" ON "ad_experiments" USING btree ("tenant_id","campaign_id");