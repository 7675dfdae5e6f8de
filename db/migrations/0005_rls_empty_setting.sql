-- Fix: after a tenant-scoped transaction commits, a pooled connection keeps app.tenant_id = ''
-- and the old policy cast '' to uuid (Postgres does not short-circuit OR). nullif avoids the cast.
CREATE OR REPLACE FUNCTION tailor_enable_tenant_rls(tbl regclass) RETURNS void AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (coalesce(current_setting(''app.tenant_id'', true), '''') = '''' '
    'OR tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
    tbl);
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT tailor_enable_tenant_rls(c.oid::regclass)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
WHERE c.relkind = 'r' AND n.nspname = current_schema();
