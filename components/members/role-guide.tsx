import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';

const WHAT: Record<Role, string> = {
  owner: 'Everything, including granting ownership. A workspace always keeps at least one owner.',
  admin: 'Manages members, API keys and settings, and reads the audit log.',
  marketer: 'Works with data and campaigns and runs jobs.',
  analyst: 'Reads data and runs jobs.',
  viewer: 'Reads dashboards and data.',
};

/** A short reminder of what each role may do, next to the invite form. */
export function RoleGuide() {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[7rem_1fr]">
      {(Object.keys(WHAT) as Role[]).map((r) => (
        <div key={r} className="contents">
          <dt className="font-medium text-slate-800">{ROLE_LABELS[r]}</dt>
          <dd className="text-slate-600">{WHAT[r]}</dd>
        </div>
      ))}
    </dl>
  );
}
