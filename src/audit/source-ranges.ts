/** CIDR ranges of source addresses, IPv4 and IPv6, matched with node:net's BlockList. */
import { BlockList, isIP } from 'node:net';

export class SourceRanges {
  private readonly list = new BlockList();
  readonly size: number;

  /** Throws on a range that is not `address/prefix`; the config schema checks them first. */
  constructor(readonly cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      const [address = '', prefixText = ''] = cidr.split('/');
      const family = isIP(address);
      const prefix = Number(prefixText);
      if (family === 0 || !Number.isInteger(prefix)) throw new Error(`invalid CIDR: ${cidr}`);
      this.list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    }
    this.size = cidrs.length;
  }

  /** Whether `address` is in a range; an IPv4-mapped IPv6 address counts as its IPv4 form. */
  contains(address: string): boolean {
    if (this.size === 0) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const plain = mapped?.[1] ?? address;
    const family = isIP(plain);
    if (family === 0) return false;
    return this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** Whether `cidr` is a valid IPv4 or IPv6 range. */
export function isCidr(cidr: string): boolean {
  const [address = '', prefixText, extra] = cidr.split('/');
  if (prefixText === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefixText))
    return false;
  const family = isIP(address);
  const prefix = Number(prefixText);
  return (family === 4 && prefix <= 32) || (family === 6 && prefix <= 128);
}
