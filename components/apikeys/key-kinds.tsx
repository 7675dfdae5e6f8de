/** What the two kinds of key are for: the empty state and the page's help. */
export function KeyKindsExplainer() {
  return (
    <div className="mx-auto grid max-w-2xl gap-4 text-left sm:grid-cols-2">
      <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-slate-900">
          Secret keys <code className="font-mono text-xs text-slate-600">sk_…</code>
        </p>
        <p className="mt-1 text-sm text-slate-600">
          For the REST API from your own servers: import products, customers and orders, read recommendations.
          Keep them out of browsers and source control.
        </p>
      </div>
      <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-slate-900">
          Publishable keys <code className="font-mono text-xs text-slate-600">pk_…</code>
        </p>
        <p className="mt-1 text-sm text-slate-600">
          For the storefront snippet in your shop’s pages: collects events and shows recommendations. Safe to
          publish, and accepted only from the origins you allow.
        </p>
      </div>
    </div>
  );
}
