import type { Parsed } from './persistence/config-values.js';
import { parseMemory } from './persistence/config-values.js';

/** Redis's default client-output-buffer-limit, as CONFIG GET prints it. */
export const OUTPUT_LIMITS_DEFAULT = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

const CLASSES = ['normal', 'slave', 'pubsub'] as const;
type ClientClass = (typeof CLASSES)[number];

export interface OutputLimit {
  hard: number;
  soft: number;
  softSeconds: number;
}

const classOf = (name: string): ClientClass | undefined => {
  const n = name.toLowerCase();
  if (n === 'replica') return 'slave';
  return (CLASSES as readonly string[]).includes(n) ? (n as ClientClass) : undefined;
};

/**
 * CONFIG SET client-output-buffer-limit's text: `<class> <hard> <soft> <seconds>` groups, checked as
 * Redis checks them (all or nothing), answered as the groups given with their figures in bytes.
 */
export function parseOutputLimits(text: string): Parsed {
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length % 4 !== 0) return { err: 'Wrong number of arguments in buffer limit configuration.' };
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 4) {
    const cls = classOf(words[i]!);
    if (cls === undefined) return { err: 'Invalid client class specified in buffer limit configuration.' };
    const hard = parseMemory(words[i + 1]!);
    const soft = parseMemory(words[i + 2]!);
    const secs = /^[0-9]+$/.test(words[i + 3]!) ? BigInt(words[i + 3]!) : undefined;
    if (hard === undefined || soft === undefined || secs === undefined || secs > 2n ** 63n - 1n) return { err: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    out.push(`${cls} ${hard} ${soft} ${secs}`);
  }
  return { ok: out.join(' ') };
}

/** The running value with the classes a CONFIG SET named replaced, in Redis's order. */
export function mergeOutputLimits(current: string, change: string): string {
  const limits = readOutputLimits(current);
  const changed = readOutputLimits(change);
  return CLASSES.map((c) => {
    const l = changed.get(c) ?? limits.get(c)!;
    return `${c} ${l.hard} ${l.soft} ${l.softSeconds}`;
  }).join(' ');
}

export function readOutputLimits(text: string): Map<ClientClass, OutputLimit> {
  const words = text.split(' ').filter((w) => w !== '');
  const limits = new Map<ClientClass, OutputLimit>();
  for (let i = 0; i + 3 < words.length; i += 4) {
    limits.set(classOf(words[i]!)!, { hard: Number(words[i + 1]), soft: Number(words[i + 2]), softSeconds: Number(words[i + 3]) });
  }
  return limits;
}

/** What a client owes its limit check: when it went over its soft limit (undefined: it is not over). */
export interface OutputLimited {
  softSince: number | undefined;
}

/**
 * Redis's checkClientOutputBufferLimits: true when a client holding `pending` bytes of output must be
 * closed: at or over the hard limit, or over the soft limit for longer than its seconds.
 */
export function overOutputLimit(limit: OutputLimit, client: OutputLimited, pending: number, now: number): boolean {
  if (limit.hard > 0 && pending >= limit.hard) return true;
  if (limit.soft > 0 && pending >= limit.soft) {
    if (client.softSince === undefined) {
      client.softSince = now;
      return false;
    }
    // Redis counts whole seconds (server.unixtime) and closes once more than softSeconds have passed.
    return Math.floor(now / 1000) - Math.floor(client.softSince / 1000) > limit.softSeconds;
  }
  client.softSince = undefined;
  return false;
}

/** The limits the server checks: normal and pub/sub clients (replicas do not exist here). */
export interface ActiveOutputLimits {
  normal: OutputLimit;
  pubsub: OutputLimit;
}

const active = (l: OutputLimit): boolean => l.hard > 0 || l.soft > 0;

/** The running value's limits, or undefined when neither class has one (the server then checks nothing). */
export function activeOutputLimits(text: string): ActiveOutputLimits | undefined {
  const limits = readOutputLimits(text);
  const normal = limits.get('normal')!;
  const pubsub = limits.get('pubsub')!;
  return active(normal) || active(pubsub) ? { normal, pubsub } : undefined;
}
