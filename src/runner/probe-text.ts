import { runnerMsg as m } from './messages.js';
import { median, PROBE_EVERY_MS, type Probed } from './probe.js';
import { formatReply } from '../repl/format.js';

/** "100,003": counts as the learner reads them. */
export const count = (n: number) => n.toLocaleString('en-US');

/** "58 ms", "0.12 ms": enough digits to tell a spike from the quiet. */
export function millis(ms: number): string {
  return `${ms >= 10 ? Math.round(ms) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(2)} ms`;
}

/** What `@probe` shows: what the command took and answered, then what a PINGing client felt meanwhile. Pure. */
export function describeProbe(command: string, probed: Probed): string {
  const reply = probed.reply;
  const shown = reply?.kind === 'decoded' ? formatReply(reply.reply, 'human').replace(/\n$/, '') : undefined;
  const answer = shown !== undefined && !shown.includes('\n') ? shown : m.probedItems(count(probed.items ?? 0));
  const took = millis(probed.ms);
  const calls = count(probed.calls);
  const what = !probed.followed
    ? m.probedOnce(command, took, answer)
    : probed.items !== undefined
      ? m.probedScan(command, calls, count(probed.items), took)
      : m.probedStopped(command, calls, took, answer);
  const slowest = Math.max(0, ...probed.pings);
  return `(${what} ${m.pinged(PROBE_EVERY_MS, millis(slowest), millis(median(probed.pings)), probed.pings.length)})`;
}
