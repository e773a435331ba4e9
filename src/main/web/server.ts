import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../api';
import type { Jobs } from '../jobs/registry';
import type { TestClock } from './test-clock';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { staticFiles } from './static-files';

// Required, not imported: an ES import of node:http reads every export, and its lazy WebSocket/EventSource ones load
// Node's whole fetch client (undici), 20–70 ms of a start that the server does not use.
const { createServer } = createRequire(import.meta.url)('node:http') as typeof http;

const MAX_BODY = 32 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /**
   * Every call; or the promise of them while the store opens (cli.ts listens first): calls wait for it, and the
   * page's files are served meanwhile.
   */
  api: Handlers | Promise<Handlers>;
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * End-to-end tests fake the page's clock; POST /__test/clock moves main's with it ({advanceMs}) or
   * stops it ({freeze: true}), and answers with its time. Only set when PREPDECK_TEST_CLOCK=1.
   */
  testClock?: Pick<TestClock, 'advance' | 'freeze'>;
  /** Finished exports, streamed once by GET /download/<jobId>?token=… (the app's jobs). */
  downloads?: Pick<Jobs, 'takeDownload'>;
  /** Files streamed to POST /upload (a backup to restore), kept for the call that uses them. */
  uploads?: Pick<Jobs, 'acceptUpload'>;
}

/**
 * The calls' validation (zod and the contract's schemas) loads on the first call, not with the server: the page's
 * files are served while it loads.
 */
let dispatcher: Promise<typeof import('../api/dispatch')> | null = null;
const loadDispatch = (): Promise<typeof import('../api/dispatch')> => (dispatcher ??= import('../api/dispatch'));

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

const sendError = (res: http.ServerResponse, status: number, code: string, message: string): void =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json');

class BodyTooLarge extends Error {}

const TOO_LARGE_MESSAGE = `The request is larger than browser mode accepts (${MAX_BODY / (1024 * 1024)} MB). Nothing was changed.`;

/**
 * The body, up to MAX_BODY. Past it, the rest is read and dropped (not stored) so that the 413 reaches the page:
 * a connection reset mid-upload shows the person nothing they can act on.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** A URL path decoded, or null when it holds a malformed %-escape or a NUL byte (both a 400, not a crash). */
function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * A finished export, streamed from its file (never whole in memory) as an attachment, then removed. A link cannot
 * send headers, so the token may come in the query; the Host and Origin checks have already passed.
 */
function sendDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  token: string,
  downloads: WebServerOptions['downloads'],
): void {
  if (req.method !== 'GET') return sendError(res, 405, 'invalid_input', 'Use GET.');
  const given = String(req.headers['x-prepdeck-token'] ?? url.searchParams.get('token') ?? '');
  if (!sameToken(given, token)) return sendError(res, 401, 'invalid_input', 'Missing or wrong token.');
  const download = downloads?.takeDownload(url.pathname.slice('/download/'.length));
  if (!download) return sendError(res, 404, 'not_found', 'There is no such file to download (it is sent once).');
  const ascii = download.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': download.mimeType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  const stream = fs.createReadStream(download.file);
  let sent = 0;
  stream.on('data', (chunk) => download.sending((sent += chunk.length)));
  stream.on('error', () => res.destroy());
  res.on('close', () => {
    stream.destroy();
    download.sent();
  });
  stream.pipe(res);
}

/**
 * A file the page sends (a backup to restore), streamed to a temporary file, so its size is limited by the disk,
 * not by a request body in memory. Answers the id that the call using it names.
 */
function receiveUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  token: string,
  uploads: WebServerOptions['uploads'],
): void {
  if (req.method !== 'POST') return sendError(res, 405, 'invalid_input', 'Use POST.');
  if (!sameToken(String(req.headers['x-prepdeck-token'] ?? ''), token)) {
    return sendError(res, 401, 'invalid_input', 'Missing or wrong token.');
  }
  if (!uploads) return sendError(res, 404, 'not_found', 'Not found.');
  const id = randomUUID();
  const file = path.join(os.tmpdir(), `prepdeck-upload-${id}`);
  let fileName = 'upload';
  try {
    fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload')).slice(0, 255);
  } catch {
    // A malformed name is only a label: the file is still taken.
  }
  pipeline(req, fs.createWriteStream(file, { flags: 'wx' })).then(
    () => {
      uploads.acceptUpload(id, { file, fileName });
      send(res, 200, JSON.stringify({ ok: true, value: { id } }), 'application/json');
    },
    () => {
      fs.rmSync(file, { force: true });
      if (!res.headersSent) sendError(res, 500, 'storage', 'The upload could not be saved. Nothing was changed.');
    },
  );
}

/**
 * Browser mode: the built renderer and the api over loopback only. Every api call needs the token;
 * Host and Origin must be this server's own, which keeps other sites and DNS rebinding out.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts = new Set<string>();
  const files = staticFiles(rendererDir);

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts.has(host)) return sendError(res, 403, 'invalid_input', 'Unknown host.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        return sendError(res, 403, 'invalid_input', 'Calls are accepted from the Prepdeck page only.');
      }
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname === '/__test/clock' && options.testClock && req.method === 'POST') {
        if (!sameToken(String(req.headers['x-prepdeck-token'] ?? ''), token)) {
          return sendError(res, 401, 'invalid_input', 'Missing or wrong token.');
        }
        const { advanceMs, freeze } = JSON.parse(await readBody(req).catch(() => '{}')) as {
          advanceMs?: number;
          freeze?: boolean;
        };
        if (freeze) options.testClock.freeze();
        const now = options.testClock.advance(Number(advanceMs) || 0);
        return send(res, 200, JSON.stringify({ ok: true, value: { now } }), 'application/json');
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendError(res, 405, 'invalid_input', 'Use POST.');
        if (!sameToken(String(req.headers['x-prepdeck-token'] ?? ''), token)) {
          return sendError(
            res,
            401,
            'invalid_input',
            'Missing or wrong token: open the URL that `npm run web` printed.',
          );
        }
        const name = decodePath(url.pathname.slice(5));
        if (name === null) return sendError(res, 400, 'invalid_input', 'The call name in the URL is malformed.');
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body.length ? JSON.parse(body) : undefined;
        } catch (error) {
          if (error instanceof BodyTooLarge) return sendError(res, 413, 'invalid_input', TOO_LARGE_MESSAGE);
          return sendError(res, 400, 'invalid_input', 'The request body is not valid JSON.');
        }
        const [{ dispatch }, api] = await Promise.all([loadDispatch(), options.api]);
        const envelope = await dispatch(api, name, input);
        return send(res, 200, JSON.stringify(envelope), 'application/json');
      }

      if (url.pathname.startsWith('/download/')) return sendDownload(req, res, url, token, options.downloads);
      if (url.pathname === '/upload') return receiveUpload(req, res, token, options.uploads);

      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'invalid_input', 'Use GET.');
      const decoded = decodePath(url.pathname);
      if (decoded === null) return sendError(res, 400, 'invalid_input', 'The address is malformed.');
      const relative = url.pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
      const file = path.resolve(rendererDir, relative);
      if (!file.startsWith(rendererDir + path.sep)) return sendError(res, 404, 'not_found', 'Not found.');
      const data = await files.read(file);
      if (!data) return sendError(res, 404, 'not_found', 'Not found.');
      send(res, 200, data, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong inside Prepdeck.');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      files.warm();
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
