import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has defaults that run on a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', baseUrl: 'http://localhost:3000', databaseUrl: null, smtpUrl: null, logLevel: 'info' });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads every setting', () => {
    const c = loadConfig({
      DATA_DIR: '/srv/tandem', DATABASE_URL: 'postgres://u:p@db:5432/tandem', PORT: '8080', HOST: '0.0.0.0',
      BASE_URL: 'https://tandem.example.com/', SMTP_URL: 'smtps://u:p@mail.example.com:465', LOG_LEVEL: 'debug',
    });
    expect(c).toEqual({
      dataDir: '/srv/tandem', databaseUrl: 'postgres://u:p@db:5432/tandem', port: 8080, host: '0.0.0.0',
      baseUrl: 'https://tandem.example.com', smtpUrl: 'smtps://u:p@mail.example.com:465', logLevel: 'debug',
    });
  });

  it.each([
    [{ PORT: '70000' }, /^PORT="70000" is not valid/],
    [{ PORT: 'eighty' }, /^PORT="eighty" is not valid/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL=.*must start with postgres/],
    [{ BASE_URL: 'localhost:3000' }, /^BASE_URL=/],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL=.*smtp:\/\//],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud" is not valid/],
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
