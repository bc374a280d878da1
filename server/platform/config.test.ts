import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has defaults that run on a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000, host: '127.0.0.1', baseUrl: 'http://localhost:3000', databaseUrl: null, smtpUrl: null, logLevel: 'info',
      trustProxy: false, shutdownDrainMs: 0, webhookAllowLoopback: false,
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads every setting', () => {
    const c = loadConfig({
      DATA_DIR: '/srv/tandem', DATABASE_URL: 'postgres://u:p@db:5432/tandem', PORT: '8080', HOST: '0.0.0.0',
      BASE_URL: 'https://tandem.example.com/', SMTP_URL: 'smtps://u:p@mail.example.com:465', LOG_LEVEL: 'debug',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.7', SHUTDOWN_DRAIN_MS: '5000', WEBHOOK_ALLOW_LOOPBACK: 'true',
    });
    expect(c).toEqual({
      dataDir: '/srv/tandem', databaseUrl: 'postgres://u:p@db:5432/tandem', port: 8080, host: '0.0.0.0',
      baseUrl: 'https://tandem.example.com', smtpUrl: 'smtps://u:p@mail.example.com:465', logLevel: 'debug',
      trustProxy: ['10.0.0.0/8', '192.168.1.7'], shutdownDrainMs: 5000, webhookAllowLoopback: true,
    });
  });

  it.each([
    ['0.0.0.0', 'http://localhost:3000'],
    ['::', 'http://localhost:3000'],
    ['127.0.0.1', 'http://localhost:3000'],
    ['::1', 'http://[::1]:3000'],
    ['[::1]', 'http://[::1]:3000'],
    ['fe80::1', 'http://[fe80::1]:3000'],
    ['fe80::1%eth0', 'http://[fe80::1]:3000'],
    ['tandem.internal', 'http://tandem.internal:3000'],
    ['10.1.2.3', 'http://10.1.2.3:3000'],
  ])('derives a valid base URL from HOST=%s', (host, baseUrl) => {
    const c = loadConfig({ HOST: host });
    expect(c.baseUrl).toBe(baseUrl);
    expect(new URL(c.baseUrl).origin).toBe(baseUrl);
  });

  it('listens on the bare address when HOST is written with brackets', () => {
    expect(loadConfig({ HOST: '[::1]' }).host).toBe('::1');
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['loopback, 10.0.0.0/8,fd00::/8 ,::1', ['loopback', '10.0.0.0/8', 'fd00::/8', '::1']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    ['true', true], ['TRUE', true], ['1', true], ['false', false], ['0', false], ['no', false],
  ])('reads WEBHOOK_ALLOW_LOOPBACK=%s', (value, expected) => {
    expect(loadConfig({ WEBHOOK_ALLOW_LOOPBACK: value }).webhookAllowLoopback).toBe(expected);
  });

  it.each([
    [{ PORT: '70000' }, /^PORT="70000" is not valid/],
    [{ PORT: 'eighty' }, /^PORT="eighty" is not valid/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL=.*must start with postgres/],
    [{ BASE_URL: 'localhost:3000' }, /^BASE_URL=/],
    [{ BASE_URL: 'https://tandem.example.com/?x=1' }, /^BASE_URL=.*query or fragment/],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL=.*smtp:\/\//],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud" is not valid/],
    [{ HOST: 'my host' }, /^HOST="my host" does not make a valid base URL .*; set BASE_URL/],
    [{ TRUST_PROXY: 'yes' }, /^TRUST_PROXY="yes" is not valid: "yes" is not an address or CIDR block/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY=.*"10.0.0.0\/33" is not an address/],
    [{ TRUST_PROXY: '0' }, /^TRUST_PROXY="0" is not valid: a hop count must be between 1 and 100/],
    [{ TRUST_PROXY: ' , ' }, /^TRUST_PROXY=" , " is not valid: expected true, false/],
    [{ SHUTDOWN_DRAIN_MS: '-1' }, /^SHUTDOWN_DRAIN_MS="-1" is not valid/],
    [{ WEBHOOK_ALLOW_LOOPBACK: 'maybe' }, /^WEBHOOK_ALLOW_LOOPBACK="maybe" is not valid: expected true or false/],
  ])('stops on %o with a one-line reason', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
