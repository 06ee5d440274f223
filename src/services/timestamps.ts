// How every object the API or CLI returns writes a time.

/** RFC 3339 UTC to the second, as the API shows timestamps (`2026-06-07T10:00:00Z`). */
export function rfc3339(ms: number): string {
  // toISOString is always `YYYY-MM-DDTHH:mm:ss.sssZ` for our years; slicing beats a regex on list pages.
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
