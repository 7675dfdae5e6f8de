CREATE TABLE "fairness_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"model_kind" text,
	"status" text DEFAULT 'running' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"report" jsonb,
	"error" text,
	"job_id" text,
	"computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fairness_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fairness_settings" (
	"tenant_id" uuid NOT NULL,
	"recommendations" jsonb DEFAULT '{"newItemFloor":0,"newItemDays":30,"smallBrandFloor":0,"calibration":0}'::jsonb NOT NULL,
	"predictions" jsonb DEFAULT '{"groupBy":"country","target":"selection_rate","enabled":false}'::jsonb NOT NULL,
	"sensitive_attributes" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fairness_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "model_drift" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"population" integer NOT NULL,
	"score_psi" double precision NOT NULL,
	"max_feature_psi" real NOT NULL,
	"status" text NOT NULL,
	"features" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"acknowledged" boolean DEFAULT false NOT NULL,
	CONSTRAINT "model_drift_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "prediction_models" ADD COLUMN "card" jsonb;--> statement-breakpoint
ALTER TABLE "fairness_reports" ADD CONSTRAINT "fairness_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fairness_settings" ADD CONSTRAINT "fairness_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_drift" ADD CONSTRAINT "model_drift_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fairness_reports_subject_idx" ON "fairness_reports" USING btree ("tenant_id","subject","created_at");--> statement-breakpoint
CREATE INDEX "model_drift_model_idx" ON "model_drift" USING btree ("tenant_id","model_id","computed_at");