import type { Client } from '../client.js';
import type { PubSubRegistry } from '../pubsub.js';
import type { Reply } from '../reply.js';
import { fromBytes, type Bytes } from '../types.js';

/** Redis 7.0's NOTIFY_* bits (server.h), by the letter notify-keyspace-events uses for each. */
export const NOTIFY = {
  K: 1 << 0,
  E: 1 << 1,
  g: 1 << 2,
  $: 1 << 3,
  l: 1 << 4,
  s: 1 << 5,
  h: 1 << 6,
  z: 1 << 7,
  x: 1 << 8,
  e: 1 << 9,
  t: 1 << 10,
  m: 1 << 11,
  d: 1 << 12,
  n: 1 << 13,
} as const;

export type NotifyClass = keyof typeof NOTIFY;

/** The classes `A` stands for (NOTIFY_ALL: neither key misses nor new keys). */
const ALL = 'g$lshzxetd';

/** The bits of a notify-keyspace-events value (already validated by CONFIG SET). */
export function notifyFlags(text: string): number {
  let flags = 0;
  for (const c of text) {
    if (c === 'A') for (const x of ALL) flags |= NOTIFY[x as NotifyClass];
    else flags |= NOTIFY[c as NotifyClass] ?? 0;
  }
  return flags;
}

/** A key a command changed, and in which database (MOVE, COPY ... DB touch another one). */
export interface ChangedKey {
  db: number;
  key: Bytes;
}

/**
 * Keyspace notifications (Redis's notifyKeyspaceEvent): each event is published as a `message` on
 * `__keyspace@<db>__:<key>` (the event as payload) then on `__keyevent@<db>__:<event>` (the key), to
 * channel and pattern subscribers alike. `flags` is 0 when notifications are off: every caller checks it
 * first, so an engine without notifications pays one integer comparison.
 */
export class Notifier {
  flags = 0;
  /** Keys changed by the commands running now (filled only while `flags` is non-zero). */
  readonly changed: ChangedKey[] = [];
  /** Commands running under runNotifying (EXEC nests them): writes outside any are not collected. */
  depth = 0;

  constructor(
    private readonly pubsub: PubSubRegistry,
    private readonly deliver: (client: Client, reply: Reply) => void,
  ) {}

  emit(cls: NotifyClass, event: string, key: Bytes, db: number): void {
    const flags = this.flags;
    if ((flags & NOTIFY[cls]) === 0) return;
    if ((flags & NOTIFY.K) !== 0) {
      this.pubsub.publish(`__keyspace@${db}__:${key}`, Buffer.from(event, 'latin1'), this.deliver);
    }
    if ((flags & NOTIFY.E) !== 0) {
      this.pubsub.publish(`__keyevent@${db}__:${event}`, fromBytes(key), this.deliver);
    }
  }
}
