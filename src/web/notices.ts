// Notices after a redirect: the query carries a code the server chose, each page maps its codes to messages,
// so a crafted link cannot put its own words on our pages.

/** The message for `?notice=<code>`, or null for a missing or unknown code. */
export function noticeOf(query: unknown, messages: Readonly<Record<string, string>>): string | null {
  const code = query && typeof query === 'object' ? (query as Record<string, unknown>).notice : undefined;
  return typeof code === 'string' && Object.hasOwn(messages, code) ? (messages[code] ?? null) : null;
}
