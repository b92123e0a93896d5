import { openClient, type RedisClient } from '../connection/client.js';
import { keySlot } from './keyslot.js';
import { Connections } from './connections.js';
import { startLocalCluster, type ClusterShape, type LocalCluster, type LocalNode } from './start.js';
import { laidOutAsStarted } from './whole.js';

/** Where the tutor's reads go: the source named in messages about a node. */
const SOURCE = 'the local cluster';

export interface TopologyOptions {
  /**
   * Keep a whole cluster ready in the background for each shape `prepare` names and for a shape a `@kill`
   * wounded, so that the next `ensure` of that shape takes it instead of waiting for a start (about 2 s for
   * Redis Cluster, whose new primaries stay at cluster_state:fail for 2 s). For `lessons check`, which
   * rebuilds every try step's start several times; a learner's lesson does not pay for clusters it may never use.
   * @default false
   */
  spares?: boolean;
}

/**
 * The local cluster a lesson runs on, one shape at a time: `ensure` makes it fresh (emptied when it is still
 * laid out as started, else started anew), reads find a key on the node that serves its slot. A shape left for
 * the other keeps running, so that going back to it (a rebuilt step's start replays every `@cluster` line) is a
 * flush, not a start.
 */
export class Topology {
  private current: LocalCluster | undefined;
  /** Every running cluster the lesson has used, by shape; `wounded` once a node was killed. */
  private readonly held = new Map<ClusterShape, { cluster: LocalCluster; wounded: boolean }>();
  /** Clusters starting (or started) in the background, not used yet; undefined when the start failed. */
  private readonly spares = new Map<ClusterShape, Promise<LocalCluster | undefined>>();
  /** Clusters being stopped in the background. */
  private readonly stopping = new Set<Promise<void>>();
  /** Raw connections for `@node` and the flushes; ioredis-shaped clients for the checks' reads. */
  readonly raw = new Connections();
  private readonly readers = new Map<number, Promise<RedisClient>>();

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly options: TopologyOptions = {},
  ) {}

  get cluster(): LocalCluster {
    if (this.current === undefined) throw new Error('the local cluster was not started');
    return this.current;
  }

  /** With spares: starts the shapes a lesson will use in the background, each while the others serve. */
  prepare(shapes: readonly ClusterShape[]): void {
    for (const shape of shapes) if (!this.held.has(shape)) this.spare(shape);
  }

  /** Fresh and empty in this shape; true when it was started anew (or taken from the spares). */
  async ensure(shape: ClusterShape): Promise<boolean> {
    const held = this.held.get(shape);
    if (held !== undefined && !held.wounded && (await laidOutAsStarted(held.cluster, this.raw))) {
      await this.empty(held.cluster);
      this.current = held.cluster;
      return false;
    }
    if (held !== undefined) this.retire(shape);
    this.current = undefined;
    const spare = this.spares.get(shape);
    this.spares.delete(shape);
    // A spare that could not start is started again here, where its error reaches the lesson.
    const cluster = (await spare) ?? (await startLocalCluster(shape, this.env));
    this.held.set(shape, { cluster, wounded: false });
    this.current = cluster;
    return true;
  }

  /** Every primary flushed, and every replica with the flush before the next step reads it there. */
  private async empty(cluster: LocalCluster): Promise<void> {
    const primaries = cluster.nodes.filter((n) => n.alive && n.role === 'primary');
    await Promise.all(primaries.map((node) => this.raw.text(node.port, ['FLUSHALL'])));
    await Promise.all(primaries.map((node) => this.raw.call(node.port, ['WAIT', '1', '1000'])));
  }

  /** The node the lesson's connection starts on: `primary` or `primary-1`. */
  home(): LocalNode {
    return this.cluster.nodes[0]!;
  }

  async kill(name: string): Promise<LocalNode> {
    const node = this.cluster.node(name);
    this.held.get(this.cluster.shape)!.wounded = true;
    // Its replacement starts now, while the lesson watches the failover.
    this.spare(this.cluster.shape);
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

  private spare(shape: ClusterShape): void {
    if (!this.options.spares || this.spares.has(shape)) return;
    this.spares.set(
      shape,
      startLocalCluster(shape, this.env).catch(() => undefined),
    );
  }

  /** A cluster no longer fit to use, stopped in the background (`stop` waits for it). */
  private retire(shape: ClusterShape): void {
    const { cluster } = this.held.get(shape)!;
    this.held.delete(shape);
    for (const node of cluster.nodes) this.forget(node.port);
    const stopped = cluster.stop().finally(() => this.stopping.delete(stopped));
    this.stopping.add(stopped);
  }

  private forget(port: number): void {
    this.raw.forget(port);
    void this.readers.get(port)?.then((c) => c.disconnect(), () => undefined);
    this.readers.delete(port);
  }

  /** Every connection closed and every node stopped, spares included (one still starting is stopped once started). */
  async stop(): Promise<void> {
    for (const shape of [...this.held.keys()]) this.retire(shape);
    this.current = undefined;
    const spares = [...this.spares.values()];
    this.spares.clear();
    this.raw.close();
    for (const port of [...this.readers.keys()]) this.forget(port);
    await Promise.all([...this.stopping, ...spares.map((spare) => spare.then((cluster) => cluster?.stop()))]);
  }
}
