/**
 * HTTP JSON API over the core queries. `handle` maps a request to a response object and is what tests drive
 * in-process; `serve` is the node:http adapter. Every error has one shape: { error: { status, code, message } }.
 */
import http from 'node:http';
import type { Store } from '../storage/store.js';
import { search, showRecord, timeline, membersOn, changesBetween, figures, exportKb, historyOf, NotFoundError } from '../queries/index.js';
import { openapi } from './openapi.js';
import { landingPage } from './landing.js';

export interface ApiResponse {
  status: number;
  body: unknown;
  contentType?: string;
}

export const MAX_URL_LENGTH = 2048;

export class HttpError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

const err = (status: number, code: string, message: string): ApiResponse => ({ status, body: { error: { status, code, message } } });

type Handler = (store: Store, params: string[], q: URLSearchParams) => Promise<unknown>;

function param(q: URLSearchParams, name: string, required = false): string | undefined {
  const v = q.get(name);
  if (v === null || v === '') {
    if (required) throw new HttpError(400, 'missing_parameter', `query parameter "${name}" is required`);
    return undefined;
  }
  return v;
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = param(q, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, 'bad_parameter', `query parameter "${name}" must be a positive whole number, not "${v.slice(0, 40)}"`);
  return n;
}

const TIMELINE_FILTERS = ['pillar', 'technology', 'actor', 'target', 'framework', 'instrument', 'about', 'period', 'from', 'to'];

export const ROUTES: Array<{ path: string; pattern: RegExp; handler: Handler }> = [
  { path: '/api/health', pattern: /^\/api\/health$/, handler: async (s) => {
    const v = (await s.query<{ value: string }>(`select value from kb_meta where key = 'dataset_version'`))[0]?.value ?? null;
    const n = (await s.query<{ n: number }>('select count(*)::int as n from records'))[0]?.n ?? 0;
    return { ok: true, storage: s.kind, datasetVersion: v, records: n };
  } },
  { path: '/api/search', pattern: /^\/api\/search$/, handler: (s, _p, q) =>
    search(s, param(q, 'q', true)!, { types: param(q, 'type')?.split(','), limit: intParam(q, 'limit') }) },
  { path: '/api/records/{id}', pattern: /^\/api\/records\/([^/]+)$/, handler: (s, p) => showRecord(s, p[0]!) },
  { path: '/api/timeline', pattern: /^\/api\/timeline$/, handler: (s, _p, q) =>
    timeline(s, { ...Object.fromEntries(TIMELINE_FILTERS.map((k) => [k, param(q, k)])), limit: intParam(q, 'limit') }) },
  { path: '/api/frameworks/{id}/members', pattern: /^\/api\/frameworks\/([^/]+)\/members$/, handler: (s, p, q) =>
    membersOn(s, p[0]!, param(q, 'on') ?? new Date().toISOString().slice(0, 10)) },
  { path: '/api/changes', pattern: /^\/api\/changes$/, handler: (s, _p, q) => changesBetween(s, param(q, 'from', true)!, param(q, 'to', true)!) },
  { path: '/api/figures', pattern: /^\/api\/figures$/, handler: (s, _p, q) => figures(s, param(q, 'topic')) },
  { path: '/api/export', pattern: /^\/api\/export$/, handler: (s) => exportKb(s) },
  { path: '/api/history/{id}', pattern: /^\/api\/history\/([^/]+)$/, handler: (s, p) => historyOf(s, p[0]!) },
];

export async function handle(store: Store, method: string, rawUrl: string): Promise<ApiResponse> {
  if (rawUrl.length > MAX_URL_LENGTH) return err(414, 'uri_too_long', `the request URL is over ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://localhost');
  } catch {
    return err(400, 'bad_url', 'the request URL cannot be parsed');
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    return method === 'GET' || method === 'HEAD' ? { status: 200, body: landingPage(), contentType: 'text/html; charset=utf-8' } : err(405, 'method_not_allowed', `${method} is not allowed here`);
  }
  if (url.pathname === '/openapi.json') return { status: 200, body: openapi() };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return err(400, 'bad_url', 'the request path is not valid percent-encoding');
  }
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (method !== 'GET' && method !== 'HEAD') return err(405, 'method_not_allowed', `${method} is not allowed on ${r.path}; the API is read-only for now`);
    try {
      return { status: 200, body: await r.handler(store, m.slice(1), url.searchParams) };
    } catch (e) {
      if (e instanceof HttpError) return err(e.status, e.code, e.message);
      if (e instanceof NotFoundError) return err(404, 'not_found', e.message);
      if (e instanceof RangeError) return err(400, 'bad_parameter', e.message);
      console.error(e);
      return err(500, 'internal', 'internal error (logged on the server)');
    }
  }
  return err(404, 'no_route', `no endpoint at ${path.slice(0, 100)}; see /openapi.json`);
}

export function createServer(store: Store): http.Server {
  return http.createServer((req, res) => {
    handle(store, req.method ?? 'GET', req.url ?? '/').then((r) => {
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      res.writeHead(r.status, {
        'content-type': r.contentType ?? 'application/json; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'",
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : text);
    });
  });
}

export async function serve(opts: { host: string; port: number }): Promise<http.Server> {
  const { openReady } = await import('../storage/index.js');
  const store = await openReady();
  const server = createServer(store);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address();
  const where = typeof addr === 'object' && addr ? `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : String(addr);
  console.log(`techfence API on ${where} (storage: ${store.kind} ${store.location}); try ${where}/api/search?q=实体清单`);
  const stop = () => server.close(() => store.close().then(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
