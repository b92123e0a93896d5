import type { LocalNode } from '../../src/cluster/types.js';
import { RespClient } from '../../src/resp/client.js';
import type { RespReply } from '../../src/resp/types.js';

/** One connection per node, opened on first use: `on(node, ...args)` sends there; `clients` to close them. */
export function nodeCalls(): { clients: Map<number, RespClient>; on(node: LocalNode, ...args: string[]): Promise<RespReply> } {
  const clients = new Map<number, RespClient>();
  return {
    clients,
    async on(node, ...args) {
      let client = clients.get(node.port);
      if (client === undefined) {
        client = await RespClient.connect({ host: node.host, port: node.port, tls: false, source: 'test' });
        clients.set(node.port, client);
      }
      return client.call(args);
    },
  };
}
