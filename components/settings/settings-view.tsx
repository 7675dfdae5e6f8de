import type { SettingsOptions, SettingsValues } from './settings-form';

/** The settings as text, for roles that may read but not change them. */
export function SettingsView({
  values,
  options,
}: {
  values: SettingsValues;
  options: Pick<SettingsOptions, 'currencies' | 'locales'>;
}) {
  const currency = options.currencies.find((c) => c.code === values.currency);
  const localeName = (code: string) => options.locales.find((l) => l.code === code)?.label ?? code;
  const rows: [string, string][] = [
    ['Workspace name', values.name],
    ['Default currency', currency ? `${currency.code} — ${currency.label}` : values.currency],
    ['Default locale', `${localeName(values.locale)} (${values.locale})`],
    ['Supported locales', values.supportedLocales.map((c) => `${localeName(c)} (${c})`).join(', ')],
    ['Time zone', values.timeZone],
  ];
  return (
    <div className="space-y-4">
      <p
        role="note"
        className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200"
      >
        Only owners and admins can change these settings.
      </p>
      <dl className="divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr]">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
