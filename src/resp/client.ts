import net from 'node:net';
import tls from 'node:tls';
import { address, type Endpoint } from '../connection/options.js';
import { encodeCommand, encodeText, RespDecoder } from './decoder.js';
import type { RespReply } from './types.js';

export type Arg = Buffer | string;

export interface ConnectOptions {
  /** Logical database to SELECT after connecting. @default 0 */
  db?: number;
  /** How long connecting (and logging in) may take. @default 3000 */
  timeoutMs?: number;
}

/** The connection went away (closed by the server, a network error, or `close()`); pending calls reject with it. */
export class ConnectionClosedError extends Error {
  constructor(readonly where: string, detail: string) {
    super(`connection to ${where} closed: ${detail}`);
    this.name = 'ConnectionClosedError';
  }
}

/** Replies that belong to Pub/Sub rather than to a call: messages and extra (un)subscribe confirmations. */
const MESSAGES = new Set(['message', 'pmessage', 'smessage']);
const CONFIRMATIONS = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe']);
/** Confirmations whose count is of shard channels: Redis 7 counts those apart from channels and patterns. */
const SHARD_CONFIRMATIONS = new Set(['ssubscribe', 'sunsubscribe']);

interface Pending {
  resolve(reply: RespReply): void;
  reject(err: Error): void;
  subscribing: boolean;
}

/**
 * A small RESP2 client that keeps reply types (ioredis turns `+OK` and `$2 OK` into the same string, and
 * redis-cli prints them differently). Calls are pipelined: each `call` writes at once and its promise
 * settles in order when the reply arrives. Error replies are replies (`{ type: 'error' }`), not rejections;
 * a call rejects only with `ConnectionClosedError`.
 *
 * ```ts
 * const client = await RespClient.connect(endpoint, { db: 15 });
 * const reply = await client.call(['SET', 'greeting', 'hello']); // { type: 'simple', value: 'OK' }
 * client.onPush((msg) => console.log(msg)); // Pub/Sub messages after SUBSCRIBE
 * client.close();
 * ```
 */
export class RespClient {
  private readonly pending: Pending[] = [];
  private readonly decoder = new RespDecoder();
  private readonly pushHandlers: ((reply: RespReply) => void)[] = [];
  private readonly closeHandlers: ((err: ConnectionClosedError) => void)[] = [];
  private closedWith: ConnectionClosedError | undefined;
  /** Encoded commands waiting for the end of the tick: RESP text for all-string commands, else bytes. */
  private outgoing: (string | Buffer)[] = [];
  private readonly flush = () => {
    const chunks = this.outgoing;
    this.outgoing = [];
    if (this.closedWith !== undefined) return;
    if (chunks.every((c) => typeof c === 'string')) this.socket.write(Buffer.from(chunks.join(''), 'utf8'));
    else this.socket.write(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))));
  };
  /** Commands written so far: a caller can tell whether others went out after one of its own. */
  sent = 0;
  /** True from a (P|S)SUBSCRIBE until the server says no subscriptions of either count remain, or RESET. */
  subscribed = false;
  /** Channels plus patterns, as the last (p)(un)subscribe confirmation counted them. */
  private channelCount = 0;
  /** Shard channels, as the last s(un)subscribe confirmation counted them: an UNSUBSCRIBE answering 0 leaves these. */
  private shardCount = 0;

  private constructor(private readonly socket: net.Socket, readonly where: string) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      let replies: RespReply[];
      try {
        replies = this.decoder.push(chunk);
      } catch (err) {
        this.fail((err as Error).message);
        return;
      }
      for (const reply of replies) this.deliver(reply);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(err.code ?? err.message));
    socket.on('close', () => this.fail('the server closed the connection'));
  }

  /** Connects, logs in (AUTH [user] password) and selects `db`. Rejects with the server's error text or a network error. */
  static async connect(endpoint: Endpoint, options: ConnectOptions = {}): Promise<RespClient> {
    const timeoutMs = options.timeoutMs ?? 3000;
    const where = address(endpoint);
    const socket = await openSocket(endpoint, timeoutMs);
    const client = new RespClient(socket, where);
    const timer = setTimeout(() => client.fail('timed out logging in'), timeoutMs);
    try {
      if (endpoint.password !== undefined) {
        const auth = endpoint.username !== undefined ? ['AUTH', endpoint.username, endpoint.password] : ['AUTH', endpoint.password];
        await client.expectOk(auth);
      }
      if (options.db !== undefined && options.db !== 0) await client.expectOk(['SELECT', String(options.db)]);
    } catch (err) {
      client.close();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    return client;
  }

  /** Sends one command without waiting for earlier ones; resolves with its typed reply. */
  call(args: readonly Arg[]): Promise<RespReply> {
    if (this.closedWith !== undefined) return Promise.reject(this.closedWith);
    const name = String(args[0] ?? '').toLowerCase();
    const starts = name === 'subscribe' || name === 'psubscribe' || name === 'ssubscribe';
    const subscribing = starts || (this.subscribed && CONFIRMATIONS.has(name));
    if (starts) this.subscribed = true;
    // RESET ends every subscription; its reply is a plain +RESET.
    if (name === 'reset') {
      this.subscribed = false;
      this.channelCount = 0;
      this.shardCount = 0;
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, subscribing });
      // Calls made in the same tick leave in one write: pipelining without a syscall per command.
      this.sent += 1;
      if (this.outgoing.length === 0) process.nextTick(this.flush);
      this.outgoing.push(args.every((a) => typeof a === 'string') ? encodeText(args as string[]) : encodeCommand(args));
    });
  }

  /** Pub/Sub messages (and the confirmations after the first for multi-channel SUBSCRIBE). Delivered after pending call results. */
  onPush(handler: (reply: RespReply) => void): void {
    this.pushHandlers.push(handler);
  }

  /** Called once when the connection is lost for any reason other than `close()`. */
  onClose(handler: (err: ConnectionClosedError) => void): void {
    this.closeHandlers.push(handler);
  }

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  /** Number of calls sent and not yet answered. */
  get inFlight(): number {
    return this.pending.length;
  }

  close(): void {
    if (this.closedWith === undefined) this.closedWith = new ConnectionClosedError(this.where, 'closed by the tutor');
    this.rejectAll(this.closedWith);
    this.socket.destroy();
  }

  private async expectOk(args: string[]): Promise<void> {
    const reply = await this.call(args);
    if (reply.type === 'error') throw new Error(reply.value);
  }

  private deliver(reply: RespReply): void {
    if (this.subscribed && reply.type === 'array' && reply.value !== null) {
      const kind = reply.value[0];
      const name = kind?.type === 'bulk' && kind.value !== null ? kind.value.toString() : '';
      if (CONFIRMATIONS.has(name)) {
        const count = reply.value[2];
        if (count?.type === 'integer') {
          if (SHARD_CONFIRMATIONS.has(name)) this.shardCount = Number(count.value);
          else this.channelCount = Number(count.value);
          if (this.channelCount === 0 && this.shardCount === 0) this.subscribed = false;
        }
        const head = this.pending[0];
        if (head?.subscribing) {
          this.pending.shift();
          head.resolve(reply);
        } else {
          this.push(reply);
        }
        return;
      }
      if (MESSAGES.has(name)) {
        this.push(reply);
        return;
      }
    }
    this.pending.shift()?.resolve(reply);
  }

  private push(reply: RespReply): void {
    // After the microtasks of call results, so a subscribe's first confirmation prints before the rest.
    setImmediate(() => {
      for (const handler of this.pushHandlers) handler(reply);
    });
  }

  private fail(detail: string): void {
    if (this.closedWith !== undefined) return;
    this.closedWith = new ConnectionClosedError(this.where, detail);
    this.rejectAll(this.closedWith);
    this.socket.destroy();
    for (const handler of this.closeHandlers) handler(this.closedWith);
  }

  private rejectAll(err: ConnectionClosedError): void {
    for (const p of this.pending.splice(0)) p.reject(err);
  }
}

/** A TCP (or TLS) socket to the endpoint, connected; nothing sent yet. */
export function openSocket(endpoint: Endpoint, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket: net.Socket = endpoint.tls
      ? tls.connect({ host: endpoint.host, port: endpoint.port, servername: net.isIP(endpoint.host) ? undefined : endpoint.host })
      : net.connect({ host: endpoint.host, port: endpoint.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timed out connecting to ${address(endpoint)}`));
    }, timeoutMs);
    socket.once(endpoint.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(err.code ? `${err.code} connecting to ${address(endpoint)}` : err.message));
    });
  });
}
