import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../lib/errors';

/**
 * The SSRF guard of outgoing webhooks (decision 121): http(s) only, and never an address inside
 * the server's own networks (private, loopback, link-local, CGNAT, multicast, reserved), checked
 * on the URL's literal address, on every address its name resolves to at creation, and again on
 * the address each delivery actually connects to (so a name that later resolves inward is caught).
 * Hosts named in TANDEM_WEBHOOK_ALLOW_HOSTS are exempt: self-hosted receivers.
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

export function isAllowedHost(url: URL, allowHosts: string[]): boolean {
  const host = hostOf(url);
  return allowHosts.includes(host) || allowHosts.includes(url.host.toLowerCase());
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));
}

/** Checks a webhook URL at creation: a 400 naming the reason when it may not be used. */
export async function checkWebhookUrl(raw: string, allowHosts: string[]): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('validation', `url must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('validation', `url must be http or https, got "${url.protocol}"`);
  if (url.username || url.password) throw new AppError('validation', 'url must not carry a user name or password');
  if (isAllowedHost(url, allowHosts)) return url;
  const host = hostOf(url);
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new AppError('validation', `url points at a private or loopback address (${host}); name the host in TANDEM_WEBHOOK_ALLOW_HOSTS to allow a self-hosted receiver`);
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    throw new AppError('validation', `url host "${host}" does not resolve`);
  }
  const inward = addresses.find((a) => isPrivateAddress(a.address));
  if (inward) throw new AppError('validation', `url host "${host}" resolves to a private or loopback address (${inward.address}); name the host in TANDEM_WEBHOOK_ALLOW_HOSTS to allow it`);
  return url;
}

/**
 * A `lookup` for http(s).request that refuses private addresses at connection time, so the address
 * checked is the address used (no DNS rebinding between the check and the connection).
 */
export function guardedLookup(allowed: boolean) {
  return (hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses;
      const bad = allowed ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`refused: ${hostname} resolves to a private address`), { code: 'EPRIVATE' }), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
