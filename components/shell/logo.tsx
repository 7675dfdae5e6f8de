export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path d="M9 10h14M16 10v13" stroke="white" strokeWidth="3" strokeLinecap="round" />
        <circle cx="23" cy="22" r="2.5" fill="white" />
      </svg>
      {compact ? null : <span className="text-lg">Tailor</span>}
    </span>
  );
}
