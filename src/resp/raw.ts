import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import { address, type Endpoint } from '../connection/options.js';
import { ConnectionClosedError, openSocket } from './client.js';
import { encodeCommand, RespDecoder } from './decoder.js';
import type { RespReply } from './types.js';

/** Replies up to this size are decoded; a bigger one (KEYS * on 100,000 keys) is only counted. */
const DECODE_LIMIT = 256 * 1024;

/** What a command answered, without building a huge reply: decoded when small, else its first line. */
export type Measured =
  | { kind: 'decoded'; reply: RespReply; bytes: number }
  /** `head` is the reply's first line: `*100003` for an array of 100,003 items. */
  | { kind: 'counted'; head: string; bytes: number };

/**
 * One connection that sends a command and waits for its whole reply without decoding a big one: decoding
 * 100,000 keys costs the tutor four times what KEYS costs the server, and would time the tutor, not Redis.
 * The command is followed by `ECHO <random token>`; the reply ends where that token's reply ends. Used by
 * the latency probe (R15) for the command it times.
 */
export class RawConnection {
  private readonly token = `redis-tutor-end-${randomBytes(8).toString('hex')}`;
  private readonly ending: Buffer;

  private constructor(private readonly socket: net.Socket, private readonly where: string) {
    socket.setNoDelay(true);
    this.ending = Buffer.from(`$${this.token.length}\r\n${this.token}\r\n`, 'latin1');
  }

  /** Connects, logs in and selects `db`, as RespClient.connect does. */
  static async connect(endpoint: Endpoint, db: number, timeoutMs = 3000): Promise<RawConnection> {
    const socket = await openSocket(endpoint, timeoutMs);
    const raw = new RawConnection(socket, address(endpoint));
    try {
      const login: string[][] = [];
      if (endpoint.password !== undefined) login.push(endpoint.username !== undefined ? ['AUTH', endpoint.username, endpoint.password] : ['AUTH', endpoint.password]);
      if (db !== 0) login.push(['SELECT', String(db)]);
      for (const args of login) {
        const result = await raw.send(args);
        if (result.kind === 'decoded' && result.reply.type === 'error') throw new Error(result.reply.value);
      }
    } catch (err) {
      raw.close();
      throw err;
    }
    return raw;
  }

  /** Sends one command; resolves once its whole reply is in. */
  send(args: readonly string[]): Promise<Measured> {
    return new Promise((resolve, reject) => {
      const kept: Buffer[] = [];
      let bytes = 0;
      let head = '';
      // The last bytes seen, enough to hold the ending even when it arrives split across chunks.
      let tail = Buffer.alloc(0);
      const done = (err?: Error) => {
        this.socket.off('data', onData);
        this.socket.off('close', onClose);
        this.socket.off('error', onClose);
        if (err) return reject(err);
        const size = bytes - this.ending.length;
        if (kept.length === 0) return resolve({ kind: 'counted', head, bytes: size });
        const replies = new RespDecoder().push(Buffer.concat(kept));
        resolve({ kind: 'decoded', reply: replies[0]!, bytes: size });
      };
      const onData = (chunk: Buffer) => {
        if (bytes === 0) head = chunk.toString('latin1', 0, Math.max(0, chunk.indexOf('\r\n'))) || chunk.toString('latin1', 0, 32);
        bytes += chunk.length;
        if (bytes <= DECODE_LIMIT) kept.push(chunk);
        else kept.length = 0;
        tail = Buffer.concat([tail, chunk.subarray(-this.ending.length)]).subarray(-this.ending.length);
        if (tail.equals(this.ending)) done();
      };
      const onClose = () => done(new ConnectionClosedError(this.where, 'the server closed the connection'));
      this.socket.on('data', onData);
      this.socket.once('close', onClose);
      this.socket.once('error', onClose);
      this.socket.write(Buffer.concat([encodeCommand(args), encodeCommand(['ECHO', this.token])]));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
