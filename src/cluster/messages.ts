import { translatable } from '../ui/i18n.js';
import { msg } from '../ui/messages.js';
import { ko } from './messages.ko.js';

/** What the tutor says about the local cluster it starts for the replication and cluster lessons. */
const en = {
  /** `configured`: REDIS_SERVER_BIN when it is set (and names no file). */
  noRedisServer: (configured: string | undefined) =>
    configured
      ? `The local cluster needs real redis-server processes, and REDIS_SERVER_BIN is "${configured}", which is not a file: point it at a redis-server binary, or unset it to use the one on your PATH.`
      : `The local cluster needs real redis-server processes (the built-in engine does not replicate or run Redis Cluster), and no redis-server is on your PATH: ${msg.installRedis()}, then run the lesson again.`,
  notReady: (what: 'replication' | 'cluster', seconds: number, missing: string) =>
    `The local ${what === 'cluster' ? 'Redis Cluster' : 'primary and replica'} was not ready after ${seconds} s (${missing}); the machine may be very busy. Its servers are stopped: try again.`,
  /** `detail`: what a node answered, or the error that stopped the start. */
  notFormed: (what: 'replication' | 'cluster', detail: string) =>
    `The local ${what === 'cluster' ? 'Redis Cluster' : 'primary and replica'} could not be set up: ${detail}. Its servers are stopped: try again.`,
  unknownNode: (name: string, names: string[]) => `There is no node "${name}" in the local cluster; its nodes are ${names.join(', ')}.`,
  noFailover: (name: string) => `${name} is not a primary of the local Redis Cluster, so there is no takeover to wait for: a primary and replica pair without Redis Cluster fails over only by hand (REPLICAOF NO ONE on the replica).`,
  failoverTimeout: (name: string, replica: string, seconds: number) => `${replica} had not taken over from ${name} after ${seconds} s; the machine may be very busy.`,
  /** Said before a lesson that needs the local cluster, whatever server the learner named. */
  ownClusterForLesson: (id: string) => `The lesson "${id}" runs on real redis-server nodes the tutor starts for it on this machine and removes afterwards (your Redis is not touched).`,
  /** `nodes`: "primary-1 127.0.0.1:7000, ..." */
  topologyReady: (shape: 'replication' | 'cluster', nodes: string, seconds: string) =>
    shape === 'cluster'
      ? `A fresh local Redis Cluster, three primaries with a replica each, ready in ${seconds} s: ${nodes}.`
      : `A fresh local primary with its replica, ready in ${seconds} s: ${nodes}.`,
  /** `@cluster` on the shape already running, whole: its data flushed instead of a restart. */
  topologyEmptied: (shape: 'replication' | 'cluster', nodes: string) =>
    `The local ${shape === 'cluster' ? 'Redis Cluster' : 'primary and replica'}, emptied: ${nodes}.`,
  previewTopology: (shape: 'replication' | 'cluster'): string => (shape === 'cluster' ? '(a fresh local Redis Cluster: three primaries, a replica each)' : '(a fresh local primary with its replica)'),
  killed: (name: string, pid: number) => `${name} (pid ${pid}) killed with SIGKILL, as a crash ends a server: it says nothing to the other nodes first.`,
  /** After a kill: the lesson's connection was on that node and now talks to another. */
  connectionMoved: (from: string, to: string) => `The lesson's connection was on ${from}; it now talks to ${to}.`,
  previewKill: (name: string) => `(${name} is killed with SIGKILL)`,
  failedOver: (name: string, replica: string, seconds: string) => `${replica} took over from ${name} after ${seconds} s: it is a primary now, serving ${name}'s slots.`,
  previewFailover: (name: string) => `(the tutor waits until ${name}'s replica takes over)`,
  /** `@node` to a node `@kill` ended. */
  nodeDown: (name: string) => `${name} was killed (@kill), so nothing answers there; the other nodes do.`,
  /** `@failover` for a primary still running: there is nothing to take over from. */
  notKilled: (name: string) => `${name} is still running: @failover waits for its replica to take over after @kill ${name}.`,
  /** A cluster directive on a lesson that has no local cluster (validation keeps it from happening). */
  noLocalCluster: (line: string) => `"${line}" talks to the local cluster, which only a lesson with needs: [cluster] runs on.`,
  /** `@node` with a command that would keep the node's connection waiting or listening. */
  nodeWaits: (command: string) => `"${command}" would keep that node's connection waiting; @node runs commands that answer at once.`,
  /** A learner's cluster named by --url: lessons do not run there (nothing was written). */
  noLessonsOnCluster: (where: string, primaries: number, keys: number) =>
    `${where} is a node of a Redis Cluster (${primaries} primar${primaries === 1 ? 'y' : 'ies'}${keys > 0 ? `, holding ${keys} key${keys === 1 ? '' : 's'} the tutor did not create` : ''}), and a cluster has no playground database (only db 0), so lessons do not run there; nothing was written. The REPL works on it (redis-tutor repl --url ...), and the lessons that teach a cluster start a local one of their own: run the course without --url, or with --url pointing at a single Redis server.`,
  onlyDbZero: (where: string, db: number) => `${where} is a node of a Redis Cluster, which has only db 0, not db ${db}: leave the database out of --url and --db.`,
  /** doctor's line for a learner's cluster. */
  doctorCluster: (version: string, primaries: number, keys: number) =>
    `Redis ${version}, a Redis Cluster node (${primaries} primar${primaries === 1 ? 'y' : 'ies'}, ${keys} key${keys === 1 ? '' : 's'}): the REPL works there and follows redirects; lessons do not (a cluster has no playground database), and those that teach a cluster start a local one of their own.`,
  /** The REPL's header on a learner's cluster. */
  headerCluster: (version: string, where: string, primaries: number) => `Redis ${version} at ${where}, a Redis Cluster node (${primaries} primar${primaries === 1 ? 'y' : 'ies'}), db 0; redirects are followed as redis-cli -c follows them`,
  /** The playground's first line: what the lesson's connection talks to. */
  header: (shape: 'replication' | 'cluster', address: string, version: string) =>
    `Local ${shape === 'cluster' ? 'Redis Cluster' : 'primary and replica'} (redis-server ${version}, started by the tutor for this lesson); the lesson's connection talks to ${address}`,
};

export type ClusterMessages = typeof en;
export const clusterMsg: ClusterMessages = translatable(en, { ko });
