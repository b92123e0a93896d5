import type { GlobalOptions } from '../connection/options.js';
import { gatherFacts } from '../doctor/facts.js';
import { verdict, type Status } from '../doctor/verdict.js';
import { drawTable } from '../ui/tables.js';
import { theme } from '../ui/theme.js';
import { wrapText, wrapWidth } from '../ui/wrap.js';
import { doctorMsg } from '../doctor/messages.js';

const mark: Record<Status, (s: string) => string> = { ok: theme.ok, warn: theme.warn, fail: theme.error, info: theme.dim };

/** `redis-tutor doctor`: walks the connection chain read-only and says what lessons would use. */
export async function doctor(opts: GlobalOptions & { json?: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  const facts = await gatherFacts(opts, env);
  const result = verdict(facts);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...result, facts }, null, 2)}\n`);
  } else {
    const rows = result.rows.map((r) => [r.item, mark[r.status](doctorMsg.statusWord(r.status)), r.detail]);
    process.stdout.write(`${drawTable([doctorMsg.colWhat(), doctorMsg.colStatus(), doctorMsg.colFound()], rows)}\n`);
    const advice = wrapText(`→ ${result.recommendation}`, wrapWidth(process.stdout));
    process.stdout.write(`${(result.canRun ? theme.ok : theme.error)('→')}${advice.slice(1)}\n`);
  }
  return result.canRun ? 0 : 2;
}
