// Who may open a WebSocket to the bridge, decided once, from the HTTP upgrade request, before
// the upgrade completes (STYLE §7). Any web page can open ws://127.0.0.1:PORT (see
// shared/facts/browser-side.md), so these checks are the only thing between a hostile page and
// the bridge:
//   - Host must name loopback with our port: a page on attacker.example that DNS-rebinds to
//     127.0.0.1 still sends `Host: attacker.example:PORT`.
//   - Origin must be an extension origin: browsers set it on every WebSocket handshake and
//     pages can't forge it. `null` (sandboxed frames, data: URLs) and web origins, including
//     http://localhost pages, are refused. (A client without Origin is not a browser page; it is
//     refused too, as SPEC §5 asks.)
import type {IncomingHttpHeaders} from 'node:http';

export type RefusalCode = 'bad-method' | 'bad-host' | 'bad-origin' | 'busy';

export interface Refusal {
  status: number;
  code: RefusalCode;
  reason: string;
}

/** A Chrome/Edge extension id is 32 letters a–p (chromium extensions/common/extension_id.h). */
const CHROME_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;
/** Firefox gives each install its own UUID origin. */
const FIREFOX_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && (CHROME_ORIGIN.test(origin) || FIREFOX_ORIGIN.test(origin));
}

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  return lower === `127.0.0.1:${port}` || lower === `localhost:${port}` || lower === `[::1]:${port}`;
}

/** The first failed check in order method → Host → Origin, or null when the upgrade may go on. */
export function checkHandshake(req: {method?: string | undefined; headers: IncomingHttpHeaders}, port: number): Refusal | null {
  if (req.method !== 'GET') {
    return {status: 405, code: 'bad-method', reason: 'a WebSocket handshake is a GET'};
  }
  if (!isLoopbackHost(req.headers.host, port)) {
    return {status: 421, code: 'bad-host', reason: `Host must be 127.0.0.1:${port}, localhost:${port} or [::1]:${port}`};
  }
  if (!isExtensionOrigin(req.headers.origin)) {
    return {status: 403, code: 'bad-origin', reason: 'only the APM Connection Doctor extension may connect'};
  }
  return null;
}
