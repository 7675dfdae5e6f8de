import { ConfirmForm } from '@/components/ui/confirm-form';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { revokeApiKeyAction } from '@/lib/apikeys/actions';
import { ScopeList } from './scope-picker';

export interface KeyRow {
  id: string;
  name: string;
  kind: string;
  prefix: string;
  allowedOrigins: string[];
  /** Secret keys: what they may do (lib/apikeys/scopes.ts). */
  scopes: string[];
  created: string;
  lastUsed: string;
  revoked: string | null;
}

/** The workspace's keys, newest first; revoked keys stay listed for the record. */
export function KeysTable({ slug, keys, canRevoke }: { slug: string; keys: KeyRow[]; canRevoke: boolean }) {
  return (
    <Table caption="API keys">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Key</Th>
          <Th>Scopes</Th>
          <Th>Allowed origins</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          {canRevoke ? (
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {keys.map((k) => (
          <tr key={k.id} className={`align-top ${k.revoked ? 'text-slate-500' : ''}`}>
            <Td className="min-w-24 whitespace-normal! font-medium text-slate-900 wrap-anywhere">{k.name}</Td>
            <Td>
              {k.kind === 'secret' ? (
                <Badge color="amber">Secret</Badge>
              ) : (
                <Badge color="blue">Publishable</Badge>
              )}
            </Td>
            <Td>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                {k.prefix}
              </code>
            </Td>
            <Td className="min-w-32 whitespace-normal!">
              {k.kind === 'secret' ? (
                <ScopeList scopes={k.scopes} />
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td className="min-w-40 whitespace-normal! wrap-anywhere">
              {k.kind === 'publishable' && k.allowedOrigins.length ? (
                <ul className="space-y-0.5 font-mono text-xs">
                  {k.allowedOrigins.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td>{k.created}</Td>
            <Td>{k.lastUsed}</Td>
            <Td>
              {k.revoked ? (
                <>
                  <Badge color="red">Revoked</Badge>
                  <span className="mt-0.5 block text-xs text-slate-600">{k.revoked}</span>
                </>
              ) : (
                <Badge color="green">Active</Badge>
              )}
            </Td>
            {canRevoke ? (
              <Td className="text-right">
                {k.revoked ? null : (
                  <ConfirmForm
                    action={revokeApiKeyAction}
                    fields={{ tenant: slug, id: k.id }}
                    label="Revoke"
                    accessibleLabel={`Revoke ${k.name}`}
                    question="Requests with this key will fail. Revoke?"
                    confirmLabel="Revoke"
                    pendingText="Revoking…"
                  />
                )}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
