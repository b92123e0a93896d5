import { openClient, type RedisClient } from '../connection/client.js';
import { keySlot } from './keyslot.js';
import { Connections } from './connections.js';
import { startLocalCluster, type ClusterShape, type LocalCluster, type LocalNode } from './start.js';

/** Where the tutor's reads go: the source named in messages about a node. */
const SOURCE = 'the local cluster';

/**
 * The local cluster a lesson runs on, one shape at a time: `ensure` makes it fresh (started anew for another
 * shape or once a node was killed, else flushed), reads find a key on the node that serves its slot.
 */
export class Topology {
  private current: LocalCluster | undefined;
  private wounded = false;
  /** Raw connections for `@node` and the flushes; ioredis-shaped clients for the checks' reads. */
  readonly raw = new Connections();
  private readonly readers = new Map<number, Promise<RedisClient>>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get cluster(): LocalCluster {
    if (this.current === undefined) throw new Error('the local cluster was not started');
    return this.current;
  }

  /** Fresh and empty in this shape; true when it was started anew. */
  async ensure(shape: ClusterShape): Promise<boolean> {
    if (this.current?.shape === shape && !this.wounded) {
      for (const node of this.primaries()) await this.raw.text(node.port, ['FLUSHALL']);
      // The replicas answer reads in the next step: they must have the flush too.
      for (const node of this.primaries()) await this.raw.call(node.port, ['WAIT', '1', '1000']);
      return false;
    }
    await this.stop();
    this.current = await startLocalCluster(shape, this.env);
    this.wounded = false;
    return true;
  }

  /** The node the lesson's connection starts on: `primary` or `primary-1`. */
  home(): LocalNode {
    return this.cluster.nodes[0]!;
  }

  async kill(name: string): Promise<LocalNode> {
    const node = this.cluster.node(name);
    this.wounded = true;
    await this.cluster.kill(name);
    this.forget(node.port);
    return node;
  }

  /** Live nodes that serve writes. */
  primaries(): LocalNode[] {
    return this.cluster.nodes.filter((n) => n.alive && n.role === 'primary');
  }

  /** The live node a key is read from: the primary serving its slot (any live primary, else any live node, without Cluster). */
  ownerOf(key: string): LocalNode {
    const live = this.cluster.nodes.filter((n) => n.alive);
    if (this.cluster.shape === 'cluster') {
      const slot = keySlot(key);
      const owner = live.find((n) => n.role === 'primary' && n.slots.some(([a, b]) => a <= slot && slot <= b));
      if (owner) return owner;
    }
    return live.find((n) => n.role === 'primary') ?? live[0] ?? this.home();
  }

  /** A client for the checks' reads on `node`, kept open. */
  reader(node: LocalNode): Promise<RedisClient> {
    let client = this.readers.get(node.port);
    if (client === undefined) {
      client = openClient({ host: node.host, port: node.port, tls: false, source: SOURCE }, 2000).then((c) => c.client);
      this.readers.set(node.port, client);
    }
    return client;
  }

  private forget(port: number): void {
    void this.readers.get(port)?.then((c) => c.disconnect(), () => undefined);
    this.readers.delete(port);
  }

  /** Every connection closed and every node stopped. */
  async stop(): Promise<void> {
    this.raw.close();
    for (const port of [...this.readers.keys()]) this.forget(port);
    const was = this.current;
    this.current = undefined;
    await was?.stop();
  }
}
