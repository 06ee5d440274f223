// Starts N real server processes (`tsx src/main.ts`) on loopback ports, sharing one database and one Redis,
// and waits until each answers /readyz. Used by the multi-process reliability tests and by hand:
//   tsx bench/cluster/start.ts --processes 3 --database postgres://postgres@127.0.0.1:5432/test?schema=cluster
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ClusterOptions {
  processes: number;
  databaseUrl: string;
  redisUrl?: string;
  /** Extra environment for every process (GENERATION_QUOTA, LOG_LEVEL, …). */
  env?: Record<string, string>;
  /** Longest to wait for every process to be ready. */
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output: string[];
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

export interface Cluster {
  servers: ServerProcess[];
  urls: string[];
  /** SIGTERM to every process still running; waits for them to end. */
  stop(): Promise<void>;
}

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts one server process and waits for /readyz; throws with its output if it does not get ready. */
export async function startServerProcess(
  options: { databaseUrl: string; redisUrl?: string; env?: Record<string, string>; port?: number; readyTimeoutMs?: number },
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl ?? '',
      LOG_LEVEL: 'warn',
      RENDER_WORKERS: '1',
      // Processes of one cluster share it, as a real deployment must (Postgres or Redis refuse to start without).
      SESSION_SECRET: 'bench-cluster-shared-secret-not-for-production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  let ended = false;
  void exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    try {
      // connection: close, so no kept-alive socket of ours outlives the check.
      const res = await fetch(`${url}/readyz`, { headers: { connection: 'close' } });
      if (res.status === 200) return { url, port, child, output, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Server on port ${port} did not get ready:\n${output.join('').slice(-2000)}`);
}

/** Starts `processes` servers in parallel on one database and Redis. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  // The first process migrates; the others then start on a migrated schema.
  const first = await startServerProcess(options);
  const rest = await Promise.allSettled(
    Array.from({ length: options.processes - 1 }, () => startServerProcess(options)),
  );
  const servers = [first, ...rest.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))];
  const cluster: Cluster = {
    servers,
    urls: servers.map((s) => s.url),
    async stop() {
      await Promise.all(servers.map(async (s) => {
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
        await s.exited;
      }));
    },
  };
  const failed = rest.find((r) => r.status === 'rejected');
  if (failed) {
    await cluster.stop();
    throw (failed as PromiseRejectedResult).reason;
  }
  return cluster;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cluster = await startCluster({
    processes: Number(argument('processes') ?? 3),
    databaseUrl: argument('database') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test?schema=jfi_cluster',
    redisUrl: argument('redis') ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  console.log(`${cluster.urls.length} servers ready:\n${cluster.urls.join('\n')}\nCtrl-C stops them.`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
