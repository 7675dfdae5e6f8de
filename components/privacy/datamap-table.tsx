import { Badge, Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { DataMapTable } from '@/lib/privacy/data-map';

const ENCRYPTION = {
  yes: { color: 'green', text: 'Encrypted' },
  hash: { color: 'blue', text: 'Keyed hash' },
  no: { color: 'gray', text: 'Not encrypted' },
} as const;

/** One card per table: which columns hold personal data, why, on what basis, how long, how protected. */
export function DataMapTables({ tables }: { tables: DataMapTable[] }) {
  return (
    <div className="space-y-6">
      {tables.map((t) => (
        <Card
          key={t.table}
          title={<span className="font-mono">{t.table}</span>}
          description={`${t.columns.length} annotated column${t.columns.length === 1 ? '' : 's'} · ${Math.round(t.protectedShare * 100)} % encrypted or hashed`}
        >
          <Table caption={`Personal data in ${t.table}`}>
            <thead>
              <tr>
                <Th>Column</Th>
                <Th>Category</Th>
                <Th>Purpose</Th>
                <Th>Legal basis</Th>
                <Th>Retention</Th>
                <Th>Protection</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {t.columns.map((c) => (
                <tr key={c.column}>
                  <Td className="font-mono text-xs">{c.column}</Td>
                  <Td className="capitalize">{c.category}</Td>
                  <Td className="min-w-64 whitespace-normal">
                    {c.purpose}
                    {c.note ? <span className="mt-0.5 block text-xs text-slate-500">{c.note}</span> : null}
                  </Td>
                  <Td>{c.legalBasis}</Td>
                  <Td className="whitespace-normal">{c.retention}</Td>
                  <Td>
                    <Badge color={ENCRYPTION[c.encrypted].color}>{ENCRYPTION[c.encrypted].text}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ))}
    </div>
  );
}
