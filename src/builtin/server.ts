import net from 'node:net';
import { error } from '../resp/types.js';
import type { Client } from './client.js';
import { execute } from './dispatch.js';
import type { Engine } from './engine.js';
import { overOutputLimit } from './output-limits.js';

/**
 * The engine on a loopback socket. Each chunk of input is parsed and run as far as it goes; the replies
 * wait in the client's writer until every socket the event loop found readable in this turn has been
 * read and run, then each client's go out with one socket write (as Redis's
 * handleClientsWithPendingWrites, in beforeSleep). Writing at once, after each read, costs a wake-up of
 * the peer per client: at redis-benchmark -P 16 that took a quarter of the engine's CPU, in the kernel.
 */
export class EngineServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly pendingOutput = new Set<Client>();
  private flushScheduled = false;

  constructor(private readonly engine: Engine) {
    this.server = net.createServer((socket) => this.accept(socket));
    engine.output = (client) => this.scheduleFlush(client);
    engine.resume = (client) => setImmediate(() => this.process(client));
  }

  listen(port: number, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as net.AddressInfo;
        this.engine.port = address.port;
        this.engine.startCron();
        resolve(address.port);
      });
    });
  }

  close(): Promise<void> {
    this.engine.stopCron();
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const client = this.engine.newClient(socket);
    socket.on('data', (chunk: Buffer) => {
      if (client.closing || client.closed) return;
      client.parser.feed(chunk);
      this.process(client);
    });
    const gone = () => {
      this.sockets.delete(socket);
      if (!client.closed) this.engine.dropClient(client);
      this.pendingOutput.delete(client);
    };
    socket.on('close', gone);
    socket.on('error', () => socket.destroy());
  }

  /**
   * Runs every complete command a client has sent, unless it is blocked, and queues the client's replies
   * for this turn's writes: one batch, whose commands may share a read of the clock (clock.ts, forCommand).
   */
  process(client: Client): void {
    if (client.closed) return;
    const clock = this.engine.clock;
    clock.beginBatch();
    try {
      this.runCommands(client);
    } finally {
      clock.endBatch();
    }
    this.scheduleFlush(client);
  }

  /** Runs the client's complete commands until none is left, it blocks, or it is closing. */
  private runCommands(client: Client): void {
    while (client.blocked === null && !client.closing) {
      const next = client.parser.next();
      if (next === undefined) break;
      if (!Array.isArray(next)) {
        client.reply(error(`ERR ${next.error}`));
        client.closing = true;
        break;
      }
      try {
        execute(this.engine, client, next);
      } catch (err) {
        // Handlers are guarded in dispatch; this catches the core's own mistakes, for one client only.
        client.reply(error(`ERR internal error in redis-tutor's built-in engine: ${(err as Error)?.message ?? String(err)}`));
        client.closing = true;
        break;
      }
      // Keep one client's long pipeline from holding back everyone else's replies indefinitely.
      if (client.writer.size > 1 << 20) this.flush(client);
    }
  }

  private flush(client: Client): void {
    const socket = client.socket;
    const chunk = client.writer.take();
    if (socket === null) return;
    if (chunk !== undefined && !socket.destroyed) {
      socket.write(chunk);
      if (this.engine.outputLimits !== undefined && !client.closing && overOutputLimit(client.subscriptions > 0 ? this.engine.outputLimits.pubsub : this.engine.outputLimits.normal, client, socket.writableLength, Date.now())) {
        // As Redis's freeClientAsync: the connection goes at once, its pending output with it.
        this.engine.dropClient(client);
        socket.destroy();
        return;
      }
    }
    if (client.closing && !client.closed) {
      this.engine.dropClient(client);
      // As Redis after QUIT or a protocol error: the reply goes out, then the socket is closed, both
      // ways (what the client still sends is not read: the peer sees a reset, as with Redis).
      socket.destroySoon();
    }
  }

  /** Writes the client's replies once this turn's reads are done (setImmediate runs after the poll phase). */
  private scheduleFlush(client: Client): void {
    this.pendingOutput.add(client);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushPending());
  }

  private flushPending(): void {
    this.flushScheduled = false;
    const clients = [...this.pendingOutput];
    this.pendingOutput.clear();
    for (const client of clients) this.flush(client);
  }
}
