import { describe, expect, it } from 'vitest';
import { clientBucket } from '../../src/limits/client-bucket.ts';

describe('clientBucket', () => {
  it('counts IPv4 clients per address, also when mapped into IPv6', () => {
    expect(clientBucket('203.0.113.9')).toBe('ip:203.0.113.9');
    expect(clientBucket('::ffff:203.0.113.9')).toBe('ip:203.0.113.9');
    expect(clientBucket('203.0.113.10')).not.toBe(clientBucket('203.0.113.9'));
  });

  it('counts IPv6 clients per /64, whatever the spelling', () => {
    const a = clientBucket('2001:db8:abcd:12::1');
    expect(a).toBe('ip6:2001:db8:abcd:12::/64');
    expect(clientBucket('2001:0db8:abcd:0012:ffff:1:2:3')).toBe(a);
    expect(clientBucket('2001:DB8:ABCD:12:0:0:0:99%eth0')).toBe(a);
    expect(clientBucket('2001:db8:abcd:13::1')).not.toBe(a);
    expect(clientBucket('::1')).toBe('ip6:0:0:0:0::/64');
  });

  it('keeps anything else as it is', () => {
    expect(clientBucket('not-an-ip')).toBe('ip:not-an-ip');
    expect(clientBucket('1::2::3')).toBe('ip:1::2::3');
    expect(clientBucket('1:2:3:4:5:6:7:8:9')).toBe('ip:1:2:3:4:5:6:7:8:9');
  });
});
