import { BlockList, isIP } from "node:net";

/**
 * IP addresses and CIDR ranges (IPv4 and IPv6) for the trusted-proxy list.
 * node:net's BlockList does the prefix arithmetic; this module only normalises input.
 */

/** An address without brackets, port or IPv4-mapped IPv6 prefix, or null when it is not an IP. */
export function normaliseIp(value: string): string | null {
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? "";
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  // "::ffff:203.0.113.7" is how a dual-stack socket reports an IPv4 peer.
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1] ?? "";
  text = text.toLowerCase();
  return isIP(text) ? text : null;
}

export interface IpRanges {
  contains(address: string): boolean;
  readonly size: number;
}

/**
 * Parses "10.0.0.1, 10.1.0.0/16, fd00::/8": single addresses and CIDR ranges, comma separated.
 * Throws on a malformed entry: a typo must not silently trust nobody (or everybody).
 */
export function parseIpRanges(list: string | undefined): IpRanges {
  const blockList = new BlockList();
  const entries = (list ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [addressPart = "", prefixPart, ...rest] = entry.split("/");
    const address = normaliseIp(addressPart);
    const family = address === null ? 0 : isIP(address);
    if (address === null || rest.length > 0) throw new Error(`Not an IP address or CIDR range: "${entry}"`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefixPart === undefined) {
      blockList.addAddress(address, type);
      continue;
    }
    const prefix = Number(prefixPart);
    if (!/^\d{1,3}$/.test(prefixPart) || prefix > (family === 4 ? 32 : 128)) throw new Error(`Invalid prefix length in "${entry}"`);
    blockList.addSubnet(address, prefix, type);
  }
  return {
    size: entries.length,
    contains(value) {
      const address = normaliseIp(value);
      if (address === null) return false;
      return blockList.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
    },
  };
}
