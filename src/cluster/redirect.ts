import type { RespReply } from '../resp/types.js';

/** A `-MOVED 3999 127.0.0.1:6381` or `-ASK 3999 127.0.0.1:6381` reply, read. */
export interface Redirect {
  /** ASK: the slot is being moved, ask the target once (after ASKING); MOVED: the target serves it now. */
  kind: 'MOVED' | 'ASK';
  slot: number;
  host: string;
  port: number;
}

/** Pure: the redirect an error reply says, or undefined for any other reply. */
export function redirectOf(reply: RespReply): Redirect | undefined {
  if (reply.type !== 'error') return undefined;
  const m = /^(MOVED|ASK) (\d+) (\S*):(\d+)$/.exec(reply.value);
  if (!m) return undefined;
  // Redis leaves the host out ("MOVED 3999 :6381") when the node does not know its own address: the same host.
  return { kind: m[1] as Redirect['kind'], slot: Number(m[2]), host: m[3]!, port: Number(m[4]) };
}

/** The line redis-cli -c prints before the reply of a command it followed to another node (its exact words). */
export function redirectedLine(to: Redirect): string {
  return `-> Redirected to slot [${to.slot}] located at ${to.host}:${to.port}`;
}

/** How many redirects one command follows before its last reply is shown as it is (redis-cli -c has no limit; a loop would hang). */
export const MAX_REDIRECTS = 5;
