import { BUILTIN_LESSONS } from '../course/load.js';
import { lessonRows } from '../course/catalog.js';
import { localize } from '../course/text.js';
import { lessonStatus } from '../progress/model.js';
import { progressFile } from '../progress/paths.js';
import { loadProgress } from '../progress/store.js';
import { currentLanguage } from '../ui/i18n.js';
import { drawListTable } from '../ui/tables.js';
import { msg } from '../ui/messages.js';
import { reflow } from '../ui/prose.js';
import { runnerMsg } from '../runner/messages.js';
import { clusterUnavailable } from '../cluster/start.js';
import { out } from './out.js';
import type { CourseOptions } from './lesson-env.js';

/** Below this many columns the list is lines, not a table. */
const NARROW = 60;

/** `redis-tutor list`: the lessons with their status, as a table or (--json) as data. Needs no Redis. */
export async function list(opts: CourseOptions & { json?: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  const lang = currentLanguage();
  // Steps as played on this platform; which server is used (and so engine and version guards) is not known here.
  const lessons = lessonRows(opts.lessons ?? BUILTIN_LESSONS, process.platform);
  const loaded = loadProgress(progressFile(env));
  // Known without Redis: a cluster lesson runs on redis-server processes the tutor starts, so it needs one installed.
  const noCluster = lessons.some((l) => l.needs.includes('cluster')) ? clusterUnavailable(env) : undefined;
  if (loaded.notice) process.stderr.write(`${loaded.notice}\n`);
  const rows = lessons.map((l) => ({
    number: l.order,
    id: l.id,
    title: localize(l.title, lang),
    goal: localize(l.goal, lang),
    steps: l.steps,
    minutes: l.minutes,
    status: lessonStatus(loaded.progress, l.id),
    needs: l.needs,
    ...(l.needs.includes('cluster') && noCluster !== undefined ? { unavailable: noCluster } : {}),
  }));
  if (opts.json) {
    out(JSON.stringify(rows, null, 2));
    return 0;
  }
  const columns = process.stdout.columns;
  if (columns !== undefined && columns < NARROW) {
    // Too narrow for a table: a line of facts per lesson, its title wrapped under it.
    for (const r of rows) {
      out(`${r.number}. ${r.id} · ${r.steps} ${msg.colSteps()} · ${r.minutes} ${msg.colMinutes()} · ${runnerMsg.statusWord(r.status)}`);
      out(reflow(r.title, columns - 4).replace(/^/gm, '   '));
      if (r.unavailable !== undefined) out(reflow(r.unavailable, columns - 4).replace(/^/gm, '   '));
    }
    return 0;
  }
  const head = ['#', msg.colLessonId(), msg.colLessonTitle(), msg.colSteps(), msg.colMinutes(), msg.colStatus()];
  out(drawListTable(head, rows.map((r) => [String(r.number), r.id, r.title, String(r.steps), String(r.minutes), runnerMsg.statusWord(r.status)]), 2));
  for (const r of rows) if (r.unavailable !== undefined) out(reflow(`${r.number}. ${r.id}: ${r.unavailable}`, columns ?? 80));
  return 0;
}
