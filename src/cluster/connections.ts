import { RespClient, type Arg } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';

/**
 * One connection per node port, opened on first use and opened again after it was lost (a node just killed, a
 * busy node): what the set-up and the waits send their commands on. `close` ends them all.
 */
export class Connections {
  private readonly open = new Map<number, Promise<RespClient>>();

  async call(port: number, args: readonly Arg[]): Promise<RespReply> {
    let client = this.open.get(port);
    if (client === undefined) {
      client = RespClient.connect({ host: '127.0.0.1', port, tls: false, source: 'a local cluster node' }, { timeoutMs: 2000 });
      this.open.set(port, client);
    }
    try {
      return await (await client).call(args);
    } catch (err) {
      this.open.delete(port);
      void client.then((c) => c.close(), () => undefined);
      throw err;
    }
  }

  /** The reply as text; rejects on an error reply, with the node's text. */
  async text(port: number, args: readonly Arg[]): Promise<string> {
    const reply = await this.call(port, args);
    if (reply.type === 'error') throw new Error(`${args.join(' ')} on ${port}: ${reply.value}`);
    return reply.type === 'bulk' ? (reply.value?.toString() ?? '') : reply.type === 'simple' ? reply.value : String(reply.value);
  }

  /** The connection to `port` closed (its node stopped: the port may be another node's later). */
  forget(port: number): void {
    void this.open.get(port)?.then((c) => c.close(), () => undefined);
    this.open.delete(port);
  }

  close(): void {
    for (const client of this.open.values()) void client.then((c) => c.close(), () => undefined);
    this.open.clear();
  }
}
