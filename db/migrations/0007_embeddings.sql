CREATE TABLE "embedding_spaces" (
	"tenant_id" uuid NOT NULL,
	"space" text NOT NULL,
	"dims" integer NOT NULL,
	"vectors" integer DEFAULT 0 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embedding_spaces_tenant_id_space_pk" PRIMARY KEY("tenant_id","space")
);
--> statement-breakpoint
CREATE TABLE "product_embeddings" (
	"tenant_id" uuid NOT NULL,
	"space" text NOT NULL,
	"product_id" uuid NOT NULL,
	"dims" integer NOT NULL,
	"text_hash" text NOT NULL,
	"vector" real[] NOT NULL,
	"embedded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_embeddings_tenant_id_space_product_id_pk" PRIMARY KEY("tenant_id","space","product_id")
);
--> statement-breakpoint
CREATE TABLE "product_texts" (
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"text_hash" text NOT NULL,
	"languages" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"skip_reason" text,
	"analyzed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_texts_tenant_id_product_id_pk" PRIMARY KEY("tenant_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "embedder" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "embedding_spaces" ADD CONSTRAINT "embedding_spaces_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_embeddings" ADD CONSTRAINT "product_embeddings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_texts" ADD CONSTRAINT "product_texts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_embeddings_product_idx" ON "product_embeddings" USING btree ("tenant_id","product_id");--> statement-breakpoint
-- Vectors and analyses go with their product.
ALTER TABLE "product_texts" ADD CONSTRAINT "product_texts_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "product_embeddings" ADD CONSTRAINT "product_embeddings_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade;--> statement-breakpoint
-- Keyword search over every locale of the catalog (the text is accent-folded in the application).
CREATE INDEX "product_texts_search_idx" ON "product_texts" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
-- Approximate nearest neighbours where pgvector exists: one HNSW index per common dimension
-- (384: e5-small and MiniLM; 512: the lexical embedder), over the portable real[] column.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    EXECUTE 'CREATE INDEX product_embeddings_hnsw_384 ON product_embeddings USING hnsw ((vector::vector(384)) vector_cosine_ops) WHERE dims = 384';
    EXECUTE 'CREATE INDEX product_embeddings_hnsw_512 ON product_embeddings USING hnsw ((vector::vector(512)) vector_cosine_ops) WHERE dims = 512';
  END IF;
END
$$;
