/**
 * A closed-loop HTTP load driver for the API benchmarks: `concurrency` clients on keep-alive
 * agents, each sending the next request as soon as the last answer's body has arrived, with
 * latency percentiles, the answers' problems, and the server process's CPU time per request
 * (from /proc, so Linux only; null elsewhere).
 */
import fs from 'node:fs';
import http from 'node:http';
import { percentile } from './stats';

/** The `fallback` note of an answer (a JSON string: escaped quotes allowed). */
const FALLBACK_NOTE = /"fallback":"((?:[^"\\]|\\.)*)"/;

/** One request to send: path and headers; built per request so keys/shoppers/IPs rotate. */
export type RequestOf = (i: number) => { path: string; headers: Record<string, string> };

export interface Target {
  name: string;
  port: number;
  next: RequestOf;
  /** Whether answers must hold items (`"items":[]` counts as empty). */
  items: boolean;
}

export interface Cell {
  target: string;
  concurrency: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  empty: number;
  /** 2xx answers that name a fallback (e.g. the shopper was not known to the model). */
  fallback: number;
  failures: string[];
  /** The fallback notes seen, most frequent first ("N× note"). */
  fallbackNotes: string[];
  serverCpuMsPerRequest: number | null;
}

/** user + system CPU time of one process in ms, from /proc (null elsewhere). */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return null;
  }
}

function get(agent: http.Agent, port: number, req: { path: string; headers: Record<string, string> }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const r = http.get({ host: '127.0.0.1', port, path: req.path, headers: req.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    r.on('error', reject);
    r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
  });
}

/** `concurrency` closed-loop clients for `ms`; latency from sending to the last body byte. */
export async function drive(
  target: Target,
  concurrency: number,
  ms: number,
  serverPid: number | undefined,
): Promise<Cell> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let non2xx = 0;
  let empty = 0;
  let fallback = 0;
  const notes = new Map<string, number>();
  let counter = 0;
  const end = performance.now() + ms;
  const cpu0 = cpuMs(serverPid);
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const res = await get(agent, target.port, target.next(counter++));
        latencies.push(performance.now() - t0);
        if (res.status < 200 || res.status >= 300) {
          non2xx++;
          const k = `${res.status} ${res.body.slice(0, 160)}`;
          failures.set(k, (failures.get(k) ?? 0) + 1);
        } else if (target.items) {
          if (res.body.includes('"items":[]')) empty++;
          const note = FALLBACK_NOTE.exec(res.body)?.[1];
          if (note !== undefined) {
            fallback++;
            notes.set(note, (notes.get(note) ?? 0) + 1);
          }
        }
      } catch (e) {
        non2xx++;
        const k = `error ${e instanceof Error ? e.message : String(e)}`;
        failures.set(k, (failures.get(k) ?? 0) + 1);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuMs(serverPid);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    target: target.name,
    concurrency,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx,
    empty,
    fallback,
    failures: [...failures].map(([k, n]) => `${n}× ${k}`),
    fallbackNotes: [...notes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`),
    serverCpuMsPerRequest:
      cpu0 !== null && cpu1 !== null && latencies.length ? (cpu1 - cpu0) / latencies.length : null,
  };
}
