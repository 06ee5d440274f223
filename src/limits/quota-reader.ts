// How the API reads a key's generation-quota usage. The generation quota service implements this;
// until it exists, nothing is metered and the reader reports the configured limit with nothing used.
import type { Config } from '../config.ts';

export interface QuotaUsage {
  limit: number;
  used: number;
  remaining: number;
  windowDays: number;
  /** Seconds until the oldest counted generation leaves the window; null when none is counted. */
  resetSeconds: number | null;
}

export interface QuotaReader {
  read(keyId: string, now: Date): Promise<QuotaUsage>;
}

export function createUnmeteredQuotaReader(quota: Config['quota']): QuotaReader {
  return {
    read: async () => ({ limit: quota.max, used: 0, remaining: quota.max, windowDays: quota.windowDays, resetSeconds: null }),
  };
}
