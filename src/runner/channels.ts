import { randomBytes } from 'node:crypto';
import type { RespReply } from '../resp/types.js';

/**
 * Pub/sub isolation (R21). Channels belong to the whole server, not to a database, so the playground
 * database does not keep a lesson's messages apart from another application's. On a server the tutor
 * did not start, every channel and pattern a lesson line names is sent behind a namespace of its own
 * (`rt:1a2b3c:room:1`), and taken off again in what comes back: the learner sees `room:1`, nothing the
 * lesson publishes reaches anyone else's subscribers, and nothing of theirs reaches the lesson. Pure.
 */
export interface Channels {
  /** The command as sent: its channel and pattern arguments namespaced. */
  wrap(args: Buffer[]): Buffer[];
  /** A reply or a pushed message as the learner sees it: the namespace taken off every channel name. */
  strip(reply: RespReply): RespReply;
}

/** Nothing changes: the tutor's own server has no one else's subscribers. */
export const SHARED_NOTHING: Channels = { wrap: (args) => args, strip: (reply) => reply };

/** A namespace for one lesson session. */
export function namespacedChannels(prefix = `rt:${randomBytes(3).toString('hex')}:`): Channels {
  const add = (b: Buffer) => Buffer.concat([Buffer.from(prefix), b]);
  const mark = Buffer.from(prefix);
  return {
    wrap(args) {
      const name = args[0]?.toString('utf8').toUpperCase() ?? '';
      const sub = args[1]?.toString('utf8').toUpperCase() ?? '';
      switch (name) {
        case 'PUBLISH':
        case 'SPUBLISH':
          return args.map((a, i) => (i === 1 ? add(a) : a));
        case 'SUBSCRIBE':
        case 'UNSUBSCRIBE':
        case 'PSUBSCRIBE':
        case 'PUNSUBSCRIBE':
        case 'SSUBSCRIBE':
        case 'SUNSUBSCRIBE':
          // UNSUBSCRIBE alone leaves every channel of the connection: its own, namespaced, anyway.
          return args.map((a, i) => (i >= 1 ? add(a) : a));
        case 'PUBSUB':
          if (sub === 'CHANNELS' || sub === 'SHARDCHANNELS') return [args[0]!, args[1]!, args[2] === undefined ? Buffer.from(`${prefix}*`) : add(args[2]), ...args.slice(3)];
          if (sub === 'NUMSUB' || sub === 'SHARDNUMSUB') return args.map((a, i) => (i >= 2 ? add(a) : a));
          return args;
        default:
          return args;
      }
    },
    strip(reply) {
      return stripDeep(reply, mark);
    },
  };
}

function stripDeep(reply: RespReply, mark: Buffer): RespReply {
  if (reply.type === 'bulk' && reply.value !== null && reply.value.subarray(0, mark.length).equals(mark)) return { type: 'bulk', value: reply.value.subarray(mark.length) };
  if (reply.type === 'array' && reply.value !== null) return { type: 'array', value: reply.value.map((r) => stripDeep(r, mark)) };
  return reply;
}
