// Environment → typed, validated configuration. The only module that reads process.env.
import net from 'node:net';
import os from 'node:os';

export type GeneratorProvider = 'builtin' | 'openai';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** False, a number of proxy hops, or the proxies' addresses/CIDRs: never "trust every X-Forwarded-For". */
  trustProxy: false | number | string[];
  requireHttps: boolean;
  tlsCertPath: string | null;
  tlsKeyPath: string | null;
  rateLimit: { max: number; windowMs: number };
  quota: { max: number; windowDays: number };
  /** Dashboard generations per workspace (user or organization) per rolling window, and per minute (burst). */
  dashboardQuota: { max: number; windowDays: number };
  dashboardGenerationsPerMinute: number;
  /** Most active (unrevoked, unexpired) API keys of one user's personal space, and of one organization. */
  apiKeyLimits: { perUser: number; perOrganization: number };
  /** Dashboard sign-ups allowed per client address per hour. */
  signUpsPerHour: number;
  bpmn: { maxBytes: number; maxDepth: number; maxElements: number };
  renderWorkers: number;
  imageCacheBytes: number;
  /** Versions kept per diagram, the current one included; null keeps every version. */
  versionRetention: number | null;
  generator: {
    provider: GeneratorProvider;
    llmBaseUrl: string | null;
    llmApiKey: string | null;
    llmModel: string;
    llmTimeoutMs: number;
  };
  sessionSecret: string | null;
  publicBaseUrl: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be an integer, got "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}.`);
  return value;
}

/** An integer setting whose absence means "no limit" (null). */
function optionalInt(env: Env, name: string, min: number, max: number): number | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : int(env, name, 0, min, max);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

/**
 * TRUST_PROXY: unset/false/0 trusts no proxy; a hop count N trusts the N nearest proxies (`true` means 1, the
 * one proxy in front of us); otherwise a comma-separated list of proxy addresses or CIDRs (or proxy-addr's
 * names loopback, linklocal, uniquelocal). The client address is then the nearest one not trusted, so what a
 * client writes at the left of X-Forwarded-For never counts.
 */
function trustProxy(env: Env): false | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) return 1;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 1, 1, 100);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new ConfigError(`TRUST_PROXY must be a hop count, true/false, or a comma-separated list of proxy addresses or CIDRs; "${entry}" is none of these.`);
    }
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** A secret for HMAC keys: unset, or at least 32 characters. */
function secret(env: Env, name: string): string | null {
  const raw = str(env, name);
  if (raw !== null && raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters (e.g. openssl rand -base64 48).`);
  return raw;
}

function str(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}".`);
  }
  return raw as T;
}

/** Reads and validates the configuration; throws ConfigError with a message naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = str(env, 'DATABASE_URL') ?? 'sqlite:./data/jfi.sqlite';
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with sqlite: or postgres://.');
  }
  const provider = oneOf(env, 'JFI_GENERATOR', ['builtin', 'openai'] as const, 'builtin');
  const llmBaseUrl = str(env, 'JFI_LLM_BASE_URL');
  if (provider === 'openai' && !llmBaseUrl) {
    throw new ConfigError('JFI_GENERATOR=openai needs JFI_LLM_BASE_URL.');
  }
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST') ?? '127.0.0.1',
    databaseUrl,
    redisUrl: str(env, 'REDIS_URL'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    trustProxy: trustProxy(env),
    requireHttps: bool(env, 'REQUIRE_HTTPS', false),
    tlsCertPath: str(env, 'TLS_CERT_PATH'),
    tlsKeyPath: str(env, 'TLS_KEY_PATH'),
    rateLimit: {
      max: int(env, 'RATE_LIMIT_MAX', 120, 1, 1_000_000),
      windowMs: int(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
    },
    quota: {
      max: int(env, 'GENERATION_QUOTA', 500, 1, 10_000_000),
      windowDays: int(env, 'GENERATION_QUOTA_WINDOW_DAYS', 30, 1, 365),
    },
    dashboardQuota: {
      max: int(env, 'DASHBOARD_GENERATION_QUOTA', 100, 1, 10_000_000),
      windowDays: int(env, 'DASHBOARD_GENERATION_QUOTA_WINDOW_DAYS', 30, 1, 365),
    },
    dashboardGenerationsPerMinute: int(env, 'DASHBOARD_GENERATIONS_PER_MINUTE', 6, 1, 100_000),
    apiKeyLimits: {
      perUser: int(env, 'API_KEYS_PER_USER', 25, 1, 100_000),
      perOrganization: int(env, 'API_KEYS_PER_ORG', 100, 1, 100_000),
    },
    signUpsPerHour: int(env, 'SIGNUPS_PER_HOUR', 10, 1, 1_000_000),
    bpmn: {
      maxBytes: int(env, 'BPMN_MAX_BYTES', 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
      maxDepth: int(env, 'BPMN_MAX_DEPTH', 100, 10, 10_000),
      maxElements: int(env, 'BPMN_MAX_ELEMENTS', 50_000, 100, 10_000_000),
    },
    renderWorkers: int(env, 'RENDER_WORKERS', Math.max(1, os.availableParallelism() - 1), 1, 64),
    imageCacheBytes: int(env, 'IMAGE_CACHE_MB', 64, 0, 65536) * 1024 * 1024,
    versionRetention: optionalInt(env, 'VERSION_RETENTION', 1, 1_000_000_000),
    generator: {
      provider,
      llmBaseUrl,
      llmApiKey: str(env, 'JFI_LLM_API_KEY'),
      llmModel: str(env, 'JFI_LLM_MODEL') ?? 'gpt-4o-mini',
      llmTimeoutMs: int(env, 'JFI_LLM_TIMEOUT_MS', 60_000, 100, 600_000),
    },
    sessionSecret: secret(env, 'SESSION_SECRET'),
    publicBaseUrl: str(env, 'PUBLIC_BASE_URL'),
  };
}
