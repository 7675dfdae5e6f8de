CREATE TABLE "exchange_rates" (
	"tenant_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"rate" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_tenant_id_currency_pk" PRIMARY KEY("tenant_id","currency")
);
--> statement-breakpoint
CREATE TABLE "prediction_models" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'training' NOT NULL,
	"live" boolean DEFAULT false NOT NULL,
	"method" text NOT NULL,
	"horizon_days" integer NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"trained_at" timestamp with time zone,
	"shoppers" integer DEFAULT 0 NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"artefact" jsonb,
	"error" text,
	"job_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prediction_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "segment_sizes" (
	"tenant_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"day" date NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "segment_sizes_tenant_id_segment_id_day_pk" PRIMARY KEY("tenant_id","segment_id","day")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text DEFAULT 'rules' NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "shopper_profiles" (
	"tenant_id" uuid NOT NULL,
	"shopper_id" uuid NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"monetary_minor" double precision DEFAULT 0 NOT NULL,
	"aov_minor" double precision,
	"first_order_at" timestamp with time zone,
	"last_order_at" timestamp with time zone,
	"recency_days" real,
	"mean_gap_days" real,
	"returns" integer DEFAULT 0 NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"last_event_at" timestamp with time zone,
	"rfm_r" integer,
	"rfm_f" integer,
	"rfm_m" integer,
	"rfm_segment" text,
	"top_category" text,
	"top_brand" text,
	"price_band" text,
	"preferred_locale" text,
	"cluster" integer,
	"interest" real[],
	"interest_embedder" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "shopper_profiles_tenant_id_shopper_id_pk" PRIMARY KEY("tenant_id","shopper_id")
);
--> statement-breakpoint
CREATE TABLE "shopper_scores" (
	"tenant_id" uuid NOT NULL,
	"shopper_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"model_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shopper_scores_tenant_id_shopper_id_kind_pk" PRIMARY KEY("tenant_id","shopper_id","kind")
);
--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_models" ADD CONSTRAINT "prediction_models_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_sizes" ADD CONSTRAINT "segment_sizes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopper_profiles" ADD CONSTRAINT "shopper_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopper_scores" ADD CONSTRAINT "shopper_scores_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prediction_models_version_idx" ON "prediction_models" USING btree ("tenant_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "prediction_models_live_idx" ON "prediction_models" USING btree ("tenant_id","kind") WHERE "prediction_models"."live";--> statement-breakpoint
CREATE UNIQUE INDEX "segments_name_idx" ON "segments" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "shopper_profiles_recency_idx" ON "shopper_profiles" USING btree ("tenant_id","recency_days");--> statement-breakpoint
CREATE INDEX "shopper_profiles_monetary_idx" ON "shopper_profiles" USING btree ("tenant_id","monetary_minor");--> statement-breakpoint
CREATE INDEX "shopper_profiles_rfm_idx" ON "shopper_profiles" USING btree ("tenant_id","rfm_segment");--> statement-breakpoint
CREATE INDEX "shopper_scores_kind_idx" ON "shopper_scores" USING btree ("tenant_id","kind","score");--> statement-breakpoint
CREATE INDEX "events_type_time_idx" ON "events" USING btree ("tenant_id","type","occurred_at");