import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Which proxies' X-Forwarded-* headers to believe: none, all, the nearest n hops, or these addresses. */
export type TrustProxy = boolean | number | string[];

/** Settings read from the environment once at start; a wrong value stops the start with one line. */
export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  port: number;
  host: string;
  baseUrl: string;
  smtpUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Passed to Fastify's trustProxy: decides req.ip (rate limits, audit) and req.protocol behind a proxy. */
  trustProxy: TrustProxy;
  /** On SIGTERM, how long readiness answers 503 before the listener closes (a load balancer's grace). */
  shutdownDrainMs: number;
  /**
   * Lets webhooks that allow private addresses also reach loopback, link-local (cloud metadata),
   * unspecified, multicast, broadcast and reserved addresses. The instance operator's choice
   * (for a receiver on the same machine, and tests); a workspace admin's switch never opens them.
   */
  webhookAllowLoopback: boolean;
}

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

/** proxy-addr's names for address ranges, accepted in a TRUST_PROXY list. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a CIDR block (10.0.0.0/8, fd00::/8) or one of proxy-addr's range names. */
function isProxyAddress(item: string): boolean {
  if (RANGE_NAMES.has(item)) return true;
  const [address = '', prefix, extra] = item.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxy = z.string().transform((v, ctx): TrustProxy => {
  if (v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops >= 1 && hops <= 100) return hops;
    ctx.addIssue({ code: 'custom', message: 'a hop count must be between 1 and 100' });
    return z.NEVER;
  }
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = items.find((item) => !isProxyAddress(item));
  if (items.length === 0 || wrong !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${wrong === undefined ? 'expected' : `"${wrong}" is not an address or CIDR block; expected`} true, false, a hop count, or a comma-separated list of addresses and CIDR blocks`,
    });
    return z.NEVER;
  }
  return items;
});

/** An on/off setting: true or false (1/0, yes/no, on/off are taken too). */
const flag = z.string().trim().toLowerCase().transform((v, ctx) => {
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  ctx.addIssue({ code: 'custom', message: 'expected true or false' });
  return z.NEVER;
});

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
    .refine((v) => !/[?#]/.test(v), 'must not have a query or fragment')
    .optional(),
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  WEBHOOK_ALLOW_LOOPBACK: flag.default(false),
});

export class ConfigError extends Error {}

/** Binds whose address a browser on this machine reaches as localhost. */
const SHOWN_AS_LOCALHOST = new Set(['0.0.0.0', '::', '127.0.0.1']);

/** HOST as it goes into a URL: IPv6 literals in brackets, without a zone id (URLs cannot carry one). */
function urlHost(host: string): string {
  if (SHOWN_AS_LOCALHOST.has(host)) return 'localhost';
  const address = host.split('%')[0]!;
  return net.isIPv6(address) ? `[${address}]` : host;
}

/** Parses the environment; throws ConfigError with a one-line reason naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name}=${JSON.stringify(env[name])} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  // HOST=[::1] is accepted as written in a URL; the listener wants the bare address.
  const host = /^\[.*\]$/.test(e.HOST) ? e.HOST.slice(1, -1) : e.HOST;
  const baseUrl = (e.BASE_URL ?? `http://${urlHost(host)}:${e.PORT}`).replace(/\/+$/, '');
  try {
    new URL(baseUrl);
  } catch {
    const from = e.BASE_URL === undefined ? `HOST=${JSON.stringify(env.HOST)}` : `BASE_URL=${JSON.stringify(env.BASE_URL)}`;
    throw new ConfigError(`${from} does not make a valid base URL (${baseUrl}); set BASE_URL to the address people open`);
  }
  return {
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    port: e.PORT,
    host,
    baseUrl,
    smtpUrl: e.SMTP_URL ?? null,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    webhookAllowLoopback: e.WEBHOOK_ALLOW_LOOPBACK,
  };
}
