// Shared by the HTTP benches: throughput with autocannon, CPU per request through inject, and medians.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';

export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
export const CONNECTIONS = 10;
const CPU_WARMUP = 500;
export const CPU_REQUESTS = 3000;
const CPU_BLOCK = 250;

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** One second of load, so the JIT and caches are warm before anything is measured. */
export async function warmUp(url: string, headers: Record<string, string> = {}): Promise<void> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
}

/** Requests per second against `url` for BENCH_DURATION_S seconds; any non-2xx makes the figure meaningless. */
export async function measure(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors; the figure would be meaningless.`);
  }
  return result.requests.average;
}

/**
 * CPU time (user + system) per request of this process through `inject`, for each target: no socket, so
 * autocannon and the machine's load stay out of it. Targets alternate in blocks, so garbage left by one is
 * not billed to the other by order.
 */
export async function cpuPerRequest(targets: { app: FastifyInstance; url: string; headers?: Record<string, string> }[]): Promise<number[]> {
  const totals = targets.map(() => 0);
  const once = async ({ app, url, headers = {} }: (typeof targets)[number]) => {
    const res = await app.inject({ url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}; the figure would be meaningless.`);
  };
  for (const target of targets) for (let i = 0; i < CPU_WARMUP; i++) await once(target);
  for (let block = 0; block < CPU_REQUESTS / CPU_BLOCK; block++) {
    for (const [index, target] of targets.entries()) {
      const start = process.cpuUsage();
      for (let i = 0; i < CPU_BLOCK; i++) await once(target);
      const used = process.cpuUsage(start);
      totals[index]! += used.user + used.system;
    }
  }
  return totals.map((total) => total / CPU_REQUESTS);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
