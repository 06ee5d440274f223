// How the API reads a key's generation-quota usage for GET /key; services/quota.ts implements it.

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
