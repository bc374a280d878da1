import { describe, expect, it } from 'vitest';
import { checkHost, hostOf, publicOnly, targetPolicy, UnsafeTargetError } from './ssrf';

describe('publicOnly', () => {
  it.each([
    ['10.0.0.5', 'private'], ['172.16.3.4', 'private'], ['192.168.1.1', 'private'], ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'], ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'], ['255.255.255.255', 'broadcast'],
    ['100.64.0.1', 'carrierGradeNat'], ['240.0.0.1', 'reserved'], ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'linkLocal'], ['fd12:3456::1', 'uniqueLocal'], ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped form of loopback'], ['::ffff:10.1.2.3', 'ipv4Mapped form of private'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052 form of linkLocal'], ['2002:c0a8:0101::1', '6to4 form of private'],
    ['::7f00:1', 'ipv4Compatible form of loopback'], ['2001::1', 'teredo'],
  ])('refuses %s (%s)', (address, range) => {
    expect(publicOnly(address)).toBe(range);
  });
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('allows %s', (address) => {
    expect(publicOnly(address)).toBeNull();
  });
});

describe('checkHost', () => {
  const literal = (url: string) => hostOf(new URL(url));
  it('refuses IP literals in any notation, including decimal, octal and hex IPv4', async () => {
    for (const url of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::1]/', 'http://[::ffff:7f00:1]/', 'http://10.1/']) {
      await expect(checkHost(literal(url)), url).rejects.toBeInstanceOf(UnsafeTargetError);
    }
  });
  it('refuses a host name that resolves to loopback (localhost)', async () => {
    await expect(checkHost('localhost')).rejects.toThrow(/localhost resolves to a loopback address/);
  });
  it('refuses when any one of the addresses is private', async () => {
    const resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }]);
    await expect(checkHost('mixed.example', { resolve })).rejects.toThrow('mixed.example resolves to a private address (10.0.0.5)');
  });
  it('returns the addresses of a public host', async () => {
    const resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]);
    await expect(checkHost('example.com', { resolve })).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
  });
});

describe('targetPolicy', () => {
  const special = ['127.0.0.1', '::1', '169.254.169.254', 'fe80::1', '0.0.0.0', '::', '224.0.0.1', 'ff02::1', '255.255.255.255', '240.0.0.1',
    '192.0.2.10', '::ffff:127.0.0.1', '64:ff9b::a9fe:a9fe', '2001::1'];
  const privateNetworks = ['10.0.0.5', '172.16.3.4', '192.168.1.1', '100.64.0.1', 'fd12:3456::1', '::ffff:10.1.2.3'];
  const allowed = (policy: (a: string) => string | null, list: string[]) => list.filter((a) => policy(a) === null);

  it('without allowPrivate: public addresses only, whatever the operator allows', () => {
    for (const allowLoopback of [false, true]) {
      const policy = targetPolicy({ allowPrivate: false, allowLoopback });
      expect(allowed(policy, [...special, ...privateNetworks])).toEqual([]);
      expect(policy('93.184.216.34')).toBeNull();
    }
  });
  it('allowPrivate opens private networks only; loopback, link-local and the rest stay refused', () => {
    const policy = targetPolicy({ allowPrivate: true, allowLoopback: false });
    expect(allowed(policy, privateNetworks)).toEqual(privateNetworks);
    expect(allowed(policy, special)).toEqual([]);
    expect(policy('169.254.169.254')).toBe('linkLocal');
  });
  it('the operator\'s allowLoopback opens the rest too, for webhooks with allowPrivate', () => {
    const policy = targetPolicy({ allowPrivate: true, allowLoopback: true });
    expect(allowed(policy, [...special, ...privateNetworks])).toHaveLength(special.length + privateNetworks.length);
    expect(policy('not an address')).toBe('invalid');
  });
  it('names the setting that would open a special address', async () => {
    await expect(checkHost('169.254.169.254', { policy: targetPolicy({ allowPrivate: true, allowLoopback: false }) }))
      .rejects.toThrow(/^169\.254\.169\.254 is a link-local address; .*WEBHOOK_ALLOW_LOOPBACK/);
  });
});
