import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Server-side request forgery protection for webhook targets. A webhook URL is chosen by a
 * workspace admin, but the request leaves from the server: it must not reach the server itself
 * or its network (the embedded database, /metrics, cloud metadata at 169.254.169.254, admin
 * consoles). A webhook's `allowPrivate` opens private networks only (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7); loopback, link-local and the other special ranges stay
 * closed unless the instance operator opens them (WEBHOOK_ALLOW_LOOPBACK), for webhooks that
 * allow private addresses. Every address a host resolves to is checked, at save time and again
 * when connecting (so a DNS answer that changes between check and connect cannot slip through).
 */

/** Resolves a host name to all its addresses (dns.lookup by default; tests stub it). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;
export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why an address may not be reached (its range name), or null when it is public unicast. */
export type AddressPolicy = (address: string) => string | null;

/** The IPv4 address an IPv6 address carries (mapped, translated, NAT64, 6to4, IPv4-compatible) and the form's name. */
function embeddedIPv4(v6: ipaddr.IPv6): { form: string; inner: ipaddr.IPv4 } | null {
  const range = v6.range();
  const b = v6.toByteArray();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return { form: range, inner: new ipaddr.IPv4(b.slice(12, 16)) };
  if (range === '6to4') return { form: range, inner: new ipaddr.IPv4(b.slice(2, 6)) };
  if (range === 'unicast' && b.slice(0, 12).every((x) => x === 0)) return { form: 'ipv4Compatible', inner: new ipaddr.IPv4(b.slice(12, 16)) };
  return null;
}

/** Refuses every address that is not plain public unicast, including IPv6 forms of private IPv4. */
export const publicOnly: AddressPolicy = (address) => {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }
  const embedded = ip.kind() === 'ipv6' ? embeddedIPv4(ip as ipaddr.IPv6) : null;
  if (embedded) {
    const innerRange = embedded.inner.range();
    return innerRange === 'unicast' ? null : `${embedded.form} form of ${innerRange}`;
  }
  const range = ip.range();
  return range === 'unicast' ? null : range;
};

/** Ranges a webhook's "allow private addresses" opens: networks an organisation runs itself. */
const PRIVATE_NETWORKS = new Set(['private', 'uniqueLocal', 'carrierGradeNat']);

/** Whether a range named by publicOnly is a private network, also in an IPv6 form ("ipv4Mapped form of private"). */
export function isPrivateNetwork(range: string): boolean {
  return PRIVATE_NETWORKS.has(range.slice(range.lastIndexOf(' ') + 1));
}

/** What a webhook target may be. */
export interface TargetRules {
  /** The webhook's own "allow private addresses" (a workspace admin's choice). */
  allowPrivate: boolean;
  /** The instance operator's WEBHOOK_ALLOW_LOOPBACK: with allowPrivate, every valid address. */
  allowLoopback: boolean;
  /** What counts as public (publicOnly by default; tests narrow it). */
  publicPolicy?: AddressPolicy;
}

/**
 * The address policy of a webhook: public addresses only; with allowPrivate also private
 * networks; with allowPrivate and the operator's allowLoopback every address.
 */
export function targetPolicy(rules: TargetRules): AddressPolicy {
  const base = rules.publicPolicy ?? publicOnly;
  if (!rules.allowPrivate) return base;
  if (rules.allowLoopback) return (address) => (base(address) === 'invalid' ? 'invalid' : null);
  return (address) => {
    const range = base(address);
    return range !== null && isPrivateNetwork(range) ? null : range;
  };
}

const DESCRIPTIONS: Record<string, string> = {
  private: 'a private address', loopback: 'a loopback address', linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local address', unspecified: 'an unspecified address', multicast: 'a multicast address',
  broadcast: 'a broadcast address', carrierGradeNat: 'a carrier-grade NAT address', reserved: 'a reserved address',
  teredo: 'a Teredo tunnel address',
};

/** A target the server refuses to connect to. */
export class UnsafeTargetError extends Error {}

function refusal(host: string, address: string, range: string): UnsafeTargetError {
  const what = DESCRIPTIONS[range] ?? (range.includes(' form of ') ? `an IPv6 ${range} address` : `a non-public address (${range})`);
  const subject = host === address ? `${address} is` : `${host} resolves to`;
  const rule = isPrivateNetwork(range)
    ? 'webhooks may only reach public addresses unless "allow private addresses" is on'
    : 'webhooks may not reach such addresses unless the server\'s operator allows it (WEBHOOK_ALLOW_LOOPBACK)';
  return new UnsafeTargetError(`${subject} ${what}${host === address ? '' : ` (${address})`}; ${rule}`);
}

/** The host of a URL as used for connecting: IPv6 literals without brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** True for an IP address written as such (IPv6 without brackets, IPv4 dotted as URLs normalise it). */
export function isIpLiteral(host: string): boolean {
  return host.includes(':') ? ipaddr.IPv6.isValid(host) : ipaddr.IPv4.isValidFourPartDecimal(host);
}

/**
 * Resolves `hostname` and returns its addresses, or throws UnsafeTargetError when any of them
 * is refused by `policy`. IP literals are checked as they are; the WHATWG URL parser has
 * already turned decimal, octal and hex IPv4 forms (http://2130706433/, http://0x7f.1/) into
 * dotted form.
 */
export async function checkHost(hostname: string, opts: { policy?: AddressPolicy; resolve?: Resolver } = {}): Promise<LookupAddress[]> {
  const policy = opts.policy ?? publicOnly;
  const addresses = isIpLiteral(hostname)
    ? [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }]
    : await (opts.resolve ?? systemResolver)(hostname).catch((e: unknown) => {
      throw new UnsafeTargetError(`${hostname} could not be resolved (${(e as { code?: string }).code ?? 'DNS error'})`);
    });
  if (addresses.length === 0) throw new UnsafeTargetError(`${hostname} has no addresses`);
  for (const a of addresses) {
    const range = policy(a.address);
    if (range) throw refusal(hostname, a.address, range);
  }
  return addresses;
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect (undici's `connect.lookup`): resolves and checks like checkHost,
 * then hands the checked addresses to the socket, so the connection goes to what was checked.
 */
export function guardedLookup(opts: { policy?: AddressPolicy; resolve?: Resolver }) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    checkHost(hostname, opts).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, wanted);
        return callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: Error) => callback(err, []),
    );
  };
}
