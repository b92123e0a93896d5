import type { SlotRange } from './slots.js';

/** The two layouts a lesson can ask for. */
export type ClusterShape = 'replication' | 'cluster';

/** One redis-server of a local cluster, as the lesson shows it and `@node` / `@kill` name it. */
export interface LocalNode {
  /** `primary` / `replica` (replication); `primary-1` ... `primary-3`, `replica-1` ... `replica-3` (cluster), replica-n started as primary-n's. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** The redis-server process. */
  readonly pid: number;
  /** Its temp folder (gone after `stop`). */
  readonly dir: string;
  /** Its Redis Cluster node id (cluster only). */
  readonly id?: string;
  /** As the tutor last saw it: a replica becomes a primary when `waitForFailover` has seen it take over. */
  role: 'primary' | 'replica';
  /** The name of the primary it replicates (a replica only). */
  replicaOf?: string;
  /** The slots it serves (a cluster's primaries only). */
  slots: SlotRange[];
  /** False once `kill` ended it. */
  alive: boolean;
}

/** Real redis-server processes the tutor started and removes, however it ends. */
export interface LocalCluster {
  readonly shape: ClusterShape;
  readonly nodes: readonly LocalNode[];
  /** The node of that name; a UserError naming the others when there is none. */
  node(name: string): LocalNode;
  /** SIGKILLs the node (a crash, for `@kill <node>`); resolves once its process is gone. Returns immediately for a node already killed. */
  kill(name: string): Promise<void>;
  /**
   * Waits until the killed primary `name`'s replica has taken over (cluster only): it says it is a primary,
   * every live node says cluster_state:ok and gives it the slots. Returns that replica, its role and slots updated.
   */
  waitForFailover(name: string, timeoutMs?: number): Promise<LocalNode>;
  /** Every process killed and every folder removed (also done on any exit of the tutor). */
  stop(): Promise<void>;
}
