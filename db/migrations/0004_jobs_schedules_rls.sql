-- job_schedules is tenant data: the same row-level security wall as every other tenant table
-- (0002_guards enabled it for the tables that existed then).
SELECT tailor_enable_tenant_rls('job_schedules'::regclass);
