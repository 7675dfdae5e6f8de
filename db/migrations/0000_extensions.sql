-- pgvector where the server has it (PGlite with its extension, Neon, Supabase, RDS);
-- Debian's Postgres 15 has none, and the portable real[] path is used there.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
END
$$;
