/**
 * One everyday session, as a learner's code would run it with each Node.js Redis client: strings, a hash,
 * a set, a sorted set with scores, and pub/sub on a second connection. Returns what the client handed
 * back, so a real redis-server's results and the built-in engine's can be compared.
 */
export interface SessionResult {
  get: unknown;
  hgetall: unknown;
  smembers: unknown;
  zrangeWithScores: unknown;
  message: unknown;
}

/** Resolves with the first message, or rejects after `ms`. */
export function firstMessage(subscribe: (onMessage: (message: string) => void) => Promise<unknown>, ms = 3000): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message within the time')), ms);
    subscribe((message) => {
      clearTimeout(timer);
      resolve(message);
    }).catch(reject);
  });
}

/** The same scenario whatever the client: a set sorted, since Redis promises no order for SMEMBERS. */
export const sortedMembers = (members: string[]): string[] => [...members].sort();
