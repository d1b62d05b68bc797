// Serves test/fixtures/pages over HTTP on a loopback address and an ephemeral port, like the
// consoles the content script meets (tests never reach a live site).
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readFile} from 'node:fs/promises';
import {extname, normalize} from 'node:path';
import {ROOT} from './build';

export const PAGES = `${ROOT}/test/fixtures/pages`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};

export interface FixtureServer {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** `hooks['/report']` receives requests to /report (pages report what they see) and answers 204. */
export async function startServer(host = '127.0.0.1', hooks: Record<string, (url: URL) => void> = {}): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hook = hooks[url.pathname];
    if (hook) {
      hook(url);
      res.writeHead(204);
      res.end();
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    readFile(`${PAGES}${path}`).then(
      (body) => {
        res.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
        res.end(body);
      },
      () => {
        res.writeHead(404, {'content-type': 'text/plain'});
        res.end('not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const {port} = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
