import type { Endpoint } from '../connection/options.js';
import { RawConnection, type Measured } from '../resp/raw.js';
import { RespClient } from '../resp/client.js';

/** How often the probe's other connection PINGs: often enough that a stall of a few ms cannot fall between two PINGs. */
export const PROBE_EVERY_MS = 5;

/** What a probed command did, and what another client felt meanwhile. */
export interface Probed {
  /** Calls made: 1, or every page of a SCAN followed to cursor 0. */
  calls: number;
  /** A SCAN-like command whose cursor was followed (to 0, unless a page was an error). */
  followed: boolean;
  /** Wall time of those calls, in ms. */
  ms: number;
  /** The reply, when small enough to decode (the last page, for a SCAN). */
  reply?: Measured;
  /** Items answered: an array's length, or every key on every SCAN page; undefined for a scalar. */
  items?: number;
  /** How long each PONG took, in ms, counted from when the PING was due (see ping()). */
  pings: number[];
}

/** SCAN and its kin return `[cursor, items]`: the probe follows the cursor to 0, as an app's loop would. */
const CURSOR_COMMANDS: Record<string, number> = { SCAN: 1, SSCAN: 2, HSCAN: 2, ZSCAN: 2 };

/**
 * R15: runs `args` on a connection of its own while another connection PINGs every PROBE_EVERY_MS,
 * and times every PONG. A server runs one command at a time, so a PING that arrives during a slow
 * command waits for it: the slowest PONG is what every other client of the server felt.
 */
export async function probe(endpoint: Endpoint, db: number, args: string[], sharesProcess: boolean): Promise<Probed> {
  const pinger = await RespClient.connect(endpoint, { db });
  let raw: RawConnection | undefined;
  try {
    raw = await RawConnection.connect(endpoint, db);
    let running = true;
    const pings = ping(pinger, () => running, sharesProcess);
    // A few PONGs first: the quiet baseline the spike stands out from.
    await sleep(3 * PROBE_EVERY_MS);
    const began = performance.now();
    const result = await run(raw, args);
    const ms = performance.now() - began;
    await sleep(2 * PROBE_EVERY_MS);
    running = false;
    return { ...result, ms, pings: await pings };
  } finally {
    raw?.close();
    pinger.close();
  }
}

async function run(raw: RawConnection, args: string[]): Promise<Omit<Probed, 'ms' | 'pings'>> {
  const at = CURSOR_COMMANDS[args[0]!.toUpperCase()];
  if (at === undefined) {
    const reply = await raw.send(args);
    return { calls: 1, followed: false, reply, ...itemsOf(reply) };
  }
  const page = [...args];
  let calls = 0;
  let items = 0;
  for (;;) {
    const reply = await raw.send(page);
    calls++;
    const next = cursorPage(reply);
    if (next === undefined) return { calls, followed: true, reply };
    items += next.items;
    if (next.cursor === '0') return { calls, followed: true, reply, items };
    page[at] = next.cursor;
  }
}

/** A SCAN page's next cursor and item count; undefined for an error or anything else. */
function cursorPage(reply: Measured): { cursor: string; items: number } | undefined {
  if (reply.kind !== 'decoded' || reply.reply.type !== 'array' || reply.reply.value === null) return undefined;
  const [cursor, page] = reply.reply.value;
  if (cursor?.type !== 'bulk' || cursor.value === null || page?.type !== 'array' || page.value === null) return undefined;
  return { cursor: cursor.value.toString('latin1'), items: page.value.length };
}

function itemsOf(reply: Measured): { items?: number } {
  if (reply.kind === 'counted') return /^\*\d+$/.test(reply.head) ? { items: Number(reply.head.slice(1)) } : {};
  return reply.reply.type === 'array' && reply.reply.value !== null ? { items: reply.reply.value.length } : {};
}

/**
 * PINGs until `going()` turns false, PROBE_EVERY_MS after each PONG, timing each PONG from when its PING
 * left. On the built-in engine, which shares the tutor's process, a busy engine also holds the PING back,
 * so there a PONG is timed from when its PING was due: a client elsewhere would have felt that wait too.
 * (On a real server, the tutor's own work, decoding SCAN pages, must not count against Redis.)
 */
async function ping(client: RespClient, going: () => boolean, fromDue: boolean): Promise<number[]> {
  const took: number[] = [];
  let due = performance.now();
  do {
    const early = due - performance.now();
    if (early > 0) await sleep(early);
    const sent = performance.now();
    await client.call(['PING']);
    const now = performance.now();
    // A timer may fire a little before its time: never count from before the PING left.
    took.push(now - (fromDue ? Math.min(due, sent) : sent));
    due = now + PROBE_EVERY_MS;
  } while (going());
  return took;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
