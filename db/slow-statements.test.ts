import { describe, expect, it, vi } from 'vitest';

const logged = vi.hoisted(() => [] as { msg: string; fields: Record<string, unknown> }[]);
vi.mock('@/lib/log', () => ({
  log: (_level: string, msg: string, fields: Record<string, unknown>) => logged.push({ msg, fields }),
}));
const { logSlowStatements, statementText } = await import('./slow-statements');

/** A frontend message: type byte, int32 length, then the body. */
function message(type: string, ...parts: (string | number[])[]): Uint8Array {
  const body: number[] = [];
  for (const p of parts) body.push(...(typeof p === 'string' ? [...Buffer.from(p), 0] : p));
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

describe('slow statements of the embedded database', () => {
  it('reads the SQL of Query and Parse messages, never what Bind carries', () => {
    expect(statementText(message('Q', 'select  1\n  from t'))).toBe('select 1 from t');
    expect(statementText(message('P', 'stmt1', 'select * from shoppers where email = $1', [0, 0]))).toBe(
      'select * from shoppers where email = $1',
    );
    expect(statementText(message('B', '', '', 'secret@example.com'))).toBe('(protocol message B)');
    expect(statementText(message('Q', 'x'.repeat(300)), 20)).toBe(`${'x'.repeat(20)}…`);
  });

  it('logs a call slower than the threshold with the last statement text', () => {
    logged.length = 0;
    let delay = 0;
    const client = {
      execProtocolRawSync(_m: Uint8Array) {
        const until = performance.now() + delay;
        while (performance.now() < until) {
          // the embedded database computing
        }
        return 'rows';
      },
    };
    logSlowStatements(client, 50);
    expect(client.execProtocolRawSync(message('P', '', 'select count(*) from events'))).toBe('rows');
    delay = 120;
    client.execProtocolRawSync(message('E', '', [0, 0, 0, 0]));
    delay = 0;
    client.execProtocolRawSync(message('S'));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.msg).toBe('db.slow_statement');
    expect(logged[0]!.fields.sql).toBe('select count(*) from events');
    expect(logged[0]!.fields.ms).toBeGreaterThanOrEqual(50);
  });
});
