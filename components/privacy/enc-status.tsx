import { Badge, Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { EncryptionCoverage, KeyVersionRow, ReencryptJobState } from '@/lib/privacy/encryption-status';

/** Share of shoppers with personal data that is sealed under the current key, 0–100 (100 when none). */
export function coveragePercent(c: EncryptionCoverage): number {
  if (c.shoppersWithPii === 0) return 100;
  return Math.floor((c.encrypted / c.shoppersWithPii) * 1000) / 10;
}

/** The coverage bar and its breakdown. */
export function EncCoverage({ coverage }: { coverage: EncryptionCoverage }) {
  const pct = coveragePercent(coverage);
  return (
    <Card title="Coverage">
      <p className="text-sm text-slate-700">
        <span className="text-2xl font-semibold text-slate-900" data-testid="enc-coverage">
          {pct} %
        </span>{' '}
        of {formatNumber(coverage.shoppersWithPii)} shoppers with an email or name are encrypted under key
        version <span data-testid="enc-current-version">{coverage.currentVersion}</span>.
      </p>
      <div
        role="progressbar"
        aria-label="Encryption coverage"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-emerald-600" style={{ width: `${pct}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-slate-500">Current key</dt>
          <dd className="font-medium text-slate-900">{formatNumber(coverage.encrypted)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Older key (waiting)</dt>
          <dd className="font-medium text-slate-900">{formatNumber(coverage.staleVersion)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Still in clear (legacy)</dt>
          <dd className="font-medium text-slate-900">{formatNumber(coverage.clearLegacy)}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** The workspace's field key versions, newest first. */
export function EncKeyVersions({ versions }: { versions: KeyVersionRow[] }) {
  return (
    <Card title="Key versions">
      <Table caption="Field data key versions">
        <thead>
          <tr>
            <Th>Version</Th>
            <Th>Created</Th>
            <Th>State</Th>
            <Th className="text-right">Shoppers</Th>
            <Th>Wrapped by keyring version</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {versions.map((v) => (
            <tr key={v.version}>
              <Td>v{v.version}</Td>
              <Td>{formatDateTime(v.createdAt)}</Td>
              <Td>
                {v.retiredAt ? (
                  <Badge color="gray">Retired {formatDateTime(v.retiredAt)}</Badge>
                ) : (
                  <Badge color="green">In use</Badge>
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(v.rows)}</Td>
              <Td>{v.kekVersion}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

const STATUS_COLOR: Record<string, 'gray' | 'green' | 'amber'> = {
  succeeded: 'green',
  running: 'amber',
  queued: 'amber',
};

/** The latest re-encryption job and its progress. */
export function EncJob({ job }: { job: ReencryptJobState | null }) {
  if (!job) return null;
  const pct = job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  return (
    <Card title="Re-encryption">
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <Badge color={STATUS_COLOR[job.status] ?? 'gray'}>{job.status}</Badge>
        <span>
          {formatNumber(job.done)}
          {job.total !== null ? ` of ${formatNumber(job.total)}` : ''} shoppers
          {pct !== null ? ` (${pct} %)` : ''} · started {formatDateTime(job.createdAt)}
          {job.finishedAt ? ` · finished ${formatDateTime(job.finishedAt)}` : ''}
        </span>
      </p>
      {job.message ? <p className="mt-1 text-xs text-slate-500">{job.message}</p> : null}
    </Card>
  );
}

/** What envelope encryption is, and where the master keyring lives. */
export function EncExplainer() {
  return (
    <Card title="How personal data is protected">
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          Shoppers’ emails and names are encrypted with AES-256-GCM under this workspace’s own data key before
          they are stored. Emails are found by a keyed hash (HMAC-SHA256 under a separate lookup key), so an
          exact address can be searched without keeping it in clear; names cannot be searched.
        </p>
        <p>
          This is envelope encryption: the data keys are stored only in encrypted (wrapped) form, sealed by
          the deployment’s master keyring, <code>TAILOR_ENCRYPTION_KEYS</code> (a list of
          <code> version:base64-key</code> entries; the highest version wraps new keys). Without that keyring
          the database alone does not reveal any email or name. To change the master key, add a new version to{' '}
          <code>TAILOR_ENCRYPTION_KEYS</code>, re-wrap the data keys, then remove the old version.
        </p>
        <p>
          Rotating the data key creates a new version for new writes and re-encrypts every shopper in the
          background; older versions are kept, retired, so nothing becomes unreadable meanwhile.
        </p>
      </div>
    </Card>
  );
}
