import { UserError } from '../errors.js';
import { msg } from '../ui/messages.js';

/** The global options that choose a Redis, as commander hands them over (all strings, unvalidated). */
export interface GlobalOptions {
  url?: string;
  host?: string;
  port?: string;
  user?: string;
  password?: string;
  tls?: boolean;
  db?: string;
  spawn?: boolean;
  builtin?: boolean;
  debug?: boolean;
}

/** A server to reach over the network, with what the learner gave to log in. */
export interface Endpoint {
  host: string;
  port: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** Where the endpoint came from, named in messages ("--url", "REDIS_URL", "--host/--port"). */
  source: string;
}

/** What the learner asked for; `resolve.ts` turns it into a live connection. */
export type ConnectionRequest =
  | { kind: 'explicit'; endpoint: Endpoint; db?: number }
  | { kind: 'auto'; local: Endpoint; db?: number }
  | { kind: 'spawn'; db?: number }
  | { kind: 'builtin'; db?: number };

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 6379;
/** The logical database lessons use on a server the tutor did not start. */
export const PLAYGROUND_DB = 15;
/** How many databases a server the tutor starts has (the private redis-server and the built-in engine: Redis's default). */
export const OWNED_DATABASES = 16;

/** Parses `redis[s]://[user:password@]host:port[/db]`; every mistake is named with an example. */
export function parseRedisUrl(text: string, source: string): Endpoint & { db?: number } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(msg.badUrl(source, text, 'it is not a URL'));
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UserError(msg.badUrl(source, text, `it starts with "${url.protocol}//"; use redis:// or rediss://`));
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1') || DEFAULT_HOST;
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  let db: number | undefined;
  if (path !== '') {
    db = parseDb(path, `${source} (the /db part)`);
  }
  const endpoint: Endpoint & { db?: number } = { host, port, tls: url.protocol === 'rediss:', source };
  if (url.username !== '') endpoint.username = decodeURIComponent(url.username);
  if (url.password !== '') endpoint.password = decodeURIComponent(url.password);
  if (db !== undefined) endpoint.db = db;
  return endpoint;
}

export function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new UserError(msg.badNumber(source, text, msg.expectedPort(), '--port 6380'));
  }
  return port;
}

export function parseDb(text: string, source: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
    throw new UserError(msg.badNumber(source, text, msg.expectedDb(), '--db 14'));
  }
  return Number(text);
}

/**
 * Turns options and environment into a request, without touching the network.
 * Explicit choices (--url, REDIS_URL, --host/--port) win and are never silently replaced by another server.
 */
export function connectionRequest(opts: GlobalOptions, env: NodeJS.ProcessEnv): ConnectionRequest {
  const chosen = [opts.spawn && '--spawn', opts.builtin && '--builtin', (opts.url || opts.host || opts.port) && '--url/--host/--port'].filter(Boolean);
  if (chosen.length > 1) throw new UserError(msg.conflictingOptions(chosen as string[]));
  let db = opts.db === undefined ? undefined : parseDb(opts.db, '--db');
  if (opts.spawn) return withDb({ kind: 'spawn' }, db);
  if (opts.builtin) return withDb({ kind: 'builtin' }, db);

  const password = opts.password ?? env.REDISCLI_AUTH;
  const credentials = (e: Endpoint): Endpoint => {
    if (opts.user !== undefined) e.username = opts.user;
    if (password !== undefined && password !== '') e.password = password;
    if (opts.tls) e.tls = true;
    return e;
  };

  const urlText = opts.url ?? (opts.host || opts.port ? undefined : env.REDIS_URL || undefined);
  if (urlText !== undefined) {
    const source = opts.url !== undefined ? '--url' : 'REDIS_URL';
    const { db: urlDb, ...endpoint } = parseRedisUrl(urlText, source);
    db ??= urlDb;
    // A password in the URL wins over REDISCLI_AUTH, as redis-cli -u does.
    const merged = credentials({ ...endpoint });
    if (endpoint.password !== undefined && opts.password === undefined) merged.password = endpoint.password;
    if (endpoint.username !== undefined && opts.user === undefined) merged.username = endpoint.username;
    return withDb({ kind: 'explicit', endpoint: merged }, db);
  }
  if (opts.host !== undefined || opts.port !== undefined) {
    const endpoint = credentials({
      host: opts.host ?? DEFAULT_HOST,
      port: opts.port === undefined ? DEFAULT_PORT : parsePort(opts.port, '--port'),
      tls: false,
      source: '--host/--port',
    });
    return withDb({ kind: 'explicit', endpoint }, db);
  }
  const local = credentials({ ...localAddress(env), tls: false, source: 'default' });
  return withDb({ kind: 'auto', local }, db);
}

/**
 * The address the chain's second step probes: 127.0.0.1:6379, unless REDIS_TUTOR_LOCAL names another
 * host:port (tests use it so they never depend on what runs on 6379).
 */
export function localAddress(env: NodeJS.ProcessEnv): { host: string; port: number } {
  const text = env.REDIS_TUTOR_LOCAL;
  if (!text) return { host: DEFAULT_HOST, port: DEFAULT_PORT };
  const at = text.lastIndexOf(':');
  return { host: text.slice(0, at) || DEFAULT_HOST, port: parsePort(text.slice(at + 1), 'REDIS_TUTOR_LOCAL') };
}

function withDb<T extends ConnectionRequest>(request: T, db: number | undefined): T {
  if (db !== undefined) request.db = db;
  return request;
}

/**
 * Pure: the options that chose a Redis, as the learner typed them, for advice that names a command to run
 * (`redis-tutor start --port 6390`). Passwords are shown as **** (advice is copied into bug reports);
 * `withDb: false` leaves --db out where the advice names another database.
 */
export function connectionArgs(opts: GlobalOptions, { withDb = true } = {}): string[] {
  const args: string[] = [];
  if (opts.url !== undefined) args.push('--url', maskPassword(opts.url));
  if (opts.host !== undefined) args.push('--host', opts.host);
  if (opts.port !== undefined) args.push('--port', opts.port);
  if (opts.user !== undefined) args.push('--user', opts.user);
  if (opts.password !== undefined) args.push('--password', '****');
  if (opts.tls) args.push('--tls');
  if (opts.spawn) args.push('--spawn');
  if (opts.builtin) args.push('--builtin');
  if (withDb && opts.db !== undefined) args.push('--db', opts.db);
  return args.map((arg) => (/^[\w@%+=:,./*-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
}

/** A Redis URL with its password, if any, shown as ****. */
export function maskPassword(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, '$1****@');
}

/** host:port as redis-cli shows it, with IPv6 addresses bracketed. */
export function address(e: { host: string; port: number }): string {
  return e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`;
}
