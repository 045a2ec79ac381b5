// TEST ONLY, never shipped. The second implementation of the IPC contract: each operation over
// HTTP and each event over Server-Sent Events, so the built renderer runs in plain Chromium
// against the real core (see docs/testing.md, "The renderer without Electron").
// Bound to 127.0.0.1 on a random port; every request must carry a random per-server token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { z } from 'zod';
import {
  EVENT_NAMES,
  isOperationName,
  parseInput,
  type EventName,
  type EventPayload,
  type OperationHandlers,
  type OperationName,
} from '../../electron/shared/contract';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface BridgeServerOptions {
  handlers: OperationHandlers;
  /** Called once at start with the server's emitter; returns the unsubscribe called on close. */
  subscribe(emit: EmitEvent): () => void;
  /** The built renderer (electron-vite's out/renderer). */
  staticDir: string;
}

export interface BridgeServer {
  /** http://127.0.0.1:<port>/ (the built index.html). */
  url: string;
  token: string;
  emit: EmitEvent;
  /** How many event streams are open: a test waits for the page's before changing files. */
  eventClients(): number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY_BYTES = 1 << 20;

export async function startBridgeServer(opts: BridgeServerOptions): Promise<BridgeServer> {
  const token = randomBytes(24).toString('hex');
  const root = resolve(opts.staticDir);
  const streams = new Set<ServerResponse>();

  const emit: EmitEvent = (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };

  const tokenMatches = (given: string | null | undefined): boolean => {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: messageOf(error) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/op/'))
      return operation(req, res, url.pathname.slice('/op/'.length));
    if (req.method === 'GET' && url.pathname === '/events') return events(req, res, url);
    if (req.method === 'GET') return staticFile(res, url.pathname);
    sendJson(res, 405, { ok: false, error: 'method not allowed' });
  }

  async function operation(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const header = req.headers['x-cloudid-token'];
    if (!tokenMatches(Array.isArray(header) ? header[0] : header))
      return sendJson(res, 401, { ok: false, error: 'bad token' });
    if (!isOperationName(name)) return sendJson(res, 404, { ok: false, error: `unknown operation ${name}` });
    const body = await readBody(req);
    let raw: unknown;
    try {
      // Operations without an argument send an empty body: that is `undefined`, as over IPC.
      raw = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendJson(res, 400, { ok: false, error: 'the body is not JSON' });
    }
    let input: unknown;
    try {
      input = parseInput(name, raw);
    } catch (error) {
      return sendJson(res, 400, {
        ok: false,
        error: error instanceof z.ZodError ? z.prettifyError(error) : messageOf(error),
      });
    }
    try {
      const result = await callHandler(opts.handlers, name, input);
      sendJson(res, 200, { ok: true, result });
    } catch (error) {
      sendJson(res, 500, { ok: false, error: messageOf(error) });
    }
  }

  function events(req: IncomingMessage, res: ServerResponse, url: URL): void {
    // EventSource cannot send headers, so the token rides in the query string.
    if (!tokenMatches(url.searchParams.get('token'))) return sendJson(res, 401, { ok: false, error: 'bad token' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`: events ${EVENT_NAMES.join(' ')}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function staticFile(res: ServerResponse, pathname: string): Promise<void> {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = resolve(root, `.${relative}`);
    if (file !== root && !file.startsWith(root + sep))
      return sendJson(res, 403, { ok: false, error: 'outside the renderer' });
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendJson(res, 404, { ok: false, error: 'not found' });
    }
    if (file === resolve(root, 'index.html')) {
      // The only change to the shipped page: its CSP forbids every connection (`connect-src
      // 'none'`), and this bridge is a connection to its own origin. Everything else is kept.
      const html = content.toString('utf8');
      if (!html.includes("connect-src 'none'")) throw new Error("index.html's CSP has no connect-src 'none' to relax");
      content = Buffer.from(html.replace("connect-src 'none'", "connect-src 'self'"));
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(content);
  }

  const unsubscribe = opts.subscribe(emit);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    emit,
    eventClients: () => streams.size,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** One call through the handler map; the name and the parsed input are checked together above. */
function callHandler(handlers: OperationHandlers, name: OperationName, input: unknown): Promise<unknown> {
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  return handler(input);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
