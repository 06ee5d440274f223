// The burst bucket of a request without a valid key: its client address. IPv6 clients usually hold a
// whole /64, so they are counted per /64, or rotating addresses inside it would multiply their limit.

export function clientBucket(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return `ip:${v4[1]}`;
  const groups = expandIpv6(ip);
  return groups ? `ip6:${groups.slice(0, 4).join(':')}::/64` : `ip:${ip}`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case, no zone; null when it is not one. */
function expandIpv6(ip: string): string[] | null {
  const address = ip.split('%')[0] ?? '';
  if (!/^[0-9a-f:]+$/i.test(address) || address.split('::').length > 2) return null;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
