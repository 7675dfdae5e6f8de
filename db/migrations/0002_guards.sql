-- Second wall for tenant isolation (architecture.md): row-level security on every tenant table.
-- The application sets `app.tenant_id` inside tenant-scoped transactions; when it is set, rows of
-- other tenants are invisible even to a query that forgot its filter. Superusers bypass RLS, so a
-- real deployment connects as an ordinary role (CI does).
CREATE OR REPLACE FUNCTION tailor_enable_tenant_rls(tbl regclass) RETURNS void AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (coalesce(current_setting(''app.tenant_id'', true), '''') = '''' '
    'OR tenant_id = current_setting(''app.tenant_id'', true)::uuid)',
    tbl);
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT tailor_enable_tenant_rls(c.oid::regclass)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
WHERE c.relkind = 'r' AND n.nspname = current_schema();
--> statement-breakpoint
-- The audit log is append-only: updates and deletes are refused by the database itself.
-- (Deleting a whole workspace cascades through the FK, which is why TRUNCATE/cascade is allowed.)
CREATE OR REPLACE FUNCTION tailor_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION tailor_audit_append_only();
