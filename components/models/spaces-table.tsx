import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

export interface SpaceView {
  space: string;
  dims: number;
  vectors: number;
  updated: string;
  live: boolean;
}

/** The vector spaces stored for this workspace: the live one, and older ones kept during a switch. */
export function SpacesTable({ spaces, format }: { spaces: SpaceView[]; format: (n: number) => string }) {
  if (spaces.length === 0) {
    return (
      <p className="text-sm text-slate-600">No vectors stored yet: the first embedding run creates them.</p>
    );
  }
  return (
    <Table caption="Vector spaces of this workspace">
      <thead>
        <tr>
          <Th>Space</Th>
          <Th className="text-right">Dimensions</Th>
          <Th className="text-right">Vectors</Th>
          <Th>Updated</Th>
          <Th>State</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {spaces.map((s) => (
          <tr key={s.space}>
            <Td>
              <code className="text-slate-900">{s.space}</code>
            </Td>
            <Td className="text-right tabular-nums">{s.dims}</Td>
            <Td className="text-right tabular-nums">{format(s.vectors)}</Td>
            <Td>{s.updated}</Td>
            <Td>
              {s.live ? (
                <Badge color="green">Live: answers queries</Badge>
              ) : (
                <Badge color="gray">Kept from an earlier embedder</Badge>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
