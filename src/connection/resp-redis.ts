import { EventEmitter } from 'node:events';
import { ConnectionClosedError, RespClient, type Arg } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import type { Endpoint } from './options.js';

/**
 * The tutor's own client, with the face of the ioredis client it replaced (ioredis took as long to import
 * as the rest of the tutor: issue 13). The calls the tutor makes work as ioredis does them: a command is a
 * method (`client.dbsize()`, `client.set(k, v, 'NX')`, any name), replies come back as ioredis gives them
 * (strings, numbers, null, arrays; `hgetall` an object; `...Buffer` methods bulk strings as bytes), an error
 * reply rejects with a ReplyError of the server's text, a lost connection with "Connection is closed.";
 * `multi()` and `pipeline()` batch calls, `exec()` answering `[error, result]` pairs. Over `RespClient`.
 */
export class ReplyError extends Error {
  /** For a transaction Redis discarded (EXECABORT): the errors of the commands it refused to queue. */
  previousErrors?: ReplyError[];
  constructor(message: string) {
    super(message);
    this.name = 'ReplyError';
  }
}

type Status = 'wait' | 'ready' | 'end';
type Args = unknown[];

/** ioredis' way with arguments: arrays spread, a map's entries spread (HSET key {f: v}), numbers as text. */
function flatten(args: Args): Arg[] {
  return args.flatMap((a): Arg[] => {
    if (Buffer.isBuffer(a)) return [a];
    if (Array.isArray(a)) return flatten(a);
    if (a instanceof Map) return flatten([...a.entries()].flat());
    if (a !== null && typeof a === 'object') return flatten(Object.entries(a).flat());
    return [String(a)];
  });
}

/** A reply as ioredis hands it over. */
function convert(reply: RespReply, bytes: boolean): unknown {
  switch (reply.type) {
    case 'simple':
      return reply.value;
    case 'error':
      return new ReplyError(reply.value);
    case 'integer':
      return Number(reply.value);
    case 'bulk':
      return reply.value === null ? null : bytes ? reply.value : reply.value.toString('utf8');
    case 'array':
      return reply.value === null ? null : reply.value.map((r) => convert(r, bytes));
  }
}

/** Commands whose reply ioredis reshapes. */
const RESHAPE: Record<string, (value: unknown) => unknown> = {
  hgetall: (value) => {
    const pairs = (value ?? []) as unknown[];
    const map: Record<string, unknown> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) map[String(pairs[i])] = pairs[i + 1];
    return map;
  },
};

/** `name` → the command sent and whether bulk replies stay bytes (`getBuffer`, `scanBuffer`, `callBuffer`). */
function command(name: string, args: Args): { args: Arg[]; bytes: boolean; reshape?: (value: unknown) => unknown } {
  const bytes = name.endsWith('Buffer');
  const base = bytes ? name.slice(0, -'Buffer'.length) : name;
  const full = base === 'call' ? flatten(args) : [base, ...flatten(args)];
  const reshape = RESHAPE[base];
  return { args: full, bytes, ...(reshape ? { reshape } : {}) };
}

/** Commands queued for one `exec()`: a MULTI/EXEC transaction, or a plain pipeline. */
class Batch {
  private readonly queued: ReturnType<typeof command>[] = [];
  constructor(private readonly client: RespRedis, private readonly transaction: boolean) {
    const chain: Batch = new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver);
        return (...args: Args) => {
          target.queued.push(command(prop, args));
          return chain;
        };
      },
    });
    return chain;
  }

  async exec(): Promise<[Error | null, unknown?][] | null> {
    const send = () => this.queued.map((c) => this.client.send(c.args));
    if (!this.transaction) {
      const replies = await Promise.all(send());
      return replies.map((reply, i) => answer(reply, this.queued[i]!));
    }
    // Sent in this order in one write: MULTI, the commands, EXEC.
    const [begun, ...rest] = await Promise.all([this.client.send(['MULTI']), ...send(), this.client.send(['EXEC'])]);
    if (begun!.type === 'error') throw new ReplyError(begun!.value);
    const done = rest.pop()!;
    if (done.type === 'error') {
      const err = new ReplyError(done.value);
      err.previousErrors = rest.flatMap((r) => (r.type === 'error' ? [new ReplyError(r.value)] : []));
      throw err;
    }
    if (done.type !== 'array' || done.value === null) return null;
    return done.value.map((reply, i) => answer(reply, this.queued[i]!));
  }
}

function answer(reply: RespReply, sent: ReturnType<typeof command>): [Error | null, unknown?] {
  const value = convert(reply, sent.bytes);
  return value instanceof ReplyError ? [value] : [null, sent.reshape ? sent.reshape(value) : value];
}

export class RespRedis extends EventEmitter {
  status: Status = 'wait';
  // Initialised, so the proxy finds it even before the first connection (it answers unknown names as commands).
  private resp: RespClient | undefined = undefined;
  /** The database last SELECTed: selected again when the client connects again. */
  private db = 0;

  constructor(private readonly endpoint: Endpoint, private readonly timeoutMs: number) {
    super();
    return new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop !== 'string' || prop in target || !/^[a-z][A-Za-z]*$/.test(prop) || prop === 'then') return Reflect.get(target, prop, receiver);
        return (...args: Args) => target.run(prop, args);
      },
    });
  }

  async connect(): Promise<void> {
    this.status = 'wait';
    const resp = await RespClient.connect(this.endpoint, { timeoutMs: this.timeoutMs, db: this.db });
    this.resp = resp;
    this.status = 'ready';
    resp.onClose(() => this.ended(resp));
  }

  disconnect(): void {
    const resp = this.resp;
    resp?.close();
    this.ended(resp);
  }

  /** Sends one command as it is; rejects only when the connection is gone. */
  async send(args: readonly Arg[]): Promise<RespReply> {
    if (this.resp === undefined || this.resp.closed) throw new Error('Connection is closed.');
    try {
      return await this.resp.call(args);
    } catch (err) {
      throw err instanceof ConnectionClosedError ? new Error('Connection is closed.') : err;
    }
  }

  async run(name: string, args: Args): Promise<unknown> {
    const sent = command(name, args);
    const value = convert(await this.send(sent.args), sent.bytes);
    if (value instanceof ReplyError) throw value;
    if (name === 'select') this.db = Number(args[0]);
    return sent.reshape ? sent.reshape(value) : value;
  }

  multi(): Batch {
    return new Batch(this, true);
  }

  pipeline(): Batch {
    return new Batch(this, false);
  }

  private ended(resp: RespClient | undefined): void {
    if (this.status === 'end' || resp !== this.resp) return;
    this.status = 'end';
    process.nextTick(() => this.emit('end'));
  }
}
