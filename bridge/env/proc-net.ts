// /proc/net/tcp and /proc/net/tcp6 → listening sockets. Format (Linux
// Documentation/networking/proc_net_tcp.rst): `sl local_address rem_address st … uid timeout
// inode`; addresses are hex `ADDR:PORT`, the address in host byte order per 32-bit word
// (little-endian on x86/arm), state 0A = LISTEN.

export interface ProcNetListen {
  proto: 'tcp' | 'tcp6';
  address: string;
  port: number;
  uid: number;
  inode: number;
}

/** One 32-bit word of /proc/net hex, little-endian host order → 4 bytes in network order. */
function wordBytes(hex8: string): number[] {
  const n = parseInt(hex8, 16);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

export function decodeAddress(hex: string): string | null {
  if (hex.length === 8) return wordBytes(hex).join('.');
  if (hex.length !== 32) return null;
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 8) bytes.push(...wordBytes(hex.slice(i, i + 8)));
  // IPv4-mapped (::ffff:a.b.c.d) reads better in dotted form.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** Parses one /proc/net/tcp{,6} file's text. Lines that don't parse are skipped. */
export function parseProcNetTcp(text: string, proto: 'tcp' | 'tcp6'): ProcNetListen[] {
  const out: ProcNetListen[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [local, , st] = [f[1], f[2], f[3]];
    if (st !== '0A' || !local) continue;
    const [addrHex, portHex] = local.split(':');
    if (!addrHex || !portHex) continue;
    const address = decodeAddress(addrHex);
    const port = parseInt(portHex, 16);
    const uid = Number(f[7]);
    const inode = Number(f[9]);
    if (address === null || !Number.isFinite(port) || !Number.isFinite(inode)) continue;
    out.push({proto, address, port, uid, inode});
  }
  return out;
}
