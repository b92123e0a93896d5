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
};

export type ClusterMessages = typeof en;
export const clusterMsg: ClusterMessages = translatable(en, { ko });
