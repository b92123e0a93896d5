import { guardHolds } from './guards.js';
import { Reader } from './problems.js';
import { FORMAT_VERSION, type StepGuard } from './schema.js';
import { readLessonHead, type LessonHead } from './validate.js';
import { yaml } from './yaml.js';

/** What `list` shows of a lesson: its head, and how many steps it has on this platform. */
export interface LessonRow extends LessonHead {
  file: string;
  steps: number;
}

/** Pure: a lesson's row from its text, or undefined when only a full parse can tell. */
export function glance(text: string, file: string, platform: string): LessonRow | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^steps:[ \t]*(#.*)?$/.test(l));
  if (start < 0) return undefined;
  // The section runs to the next top-level key (a line that starts with neither space, comment nor `-`).
  let end = start + 1;
  while (end < lines.length && !/^[^\s#-]/.test(lines[end]!)) end++;
  const doc = yaml().parseDocument([...lines.slice(0, start), ...lines.slice(end)].join('\n'), { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  return headRow(doc.toJS(), file, () => countSteps(lines.slice(start + 1, end), platform));
}

/** Pure: a lesson's row from the data its whole file holds (prepared data), or undefined when only a full read can tell. */
export function dataRow(data: unknown, file: string, platform: string): LessonRow | undefined {
  return headRow(data, file, () => {
    const steps = (data as { steps?: unknown }).steps;
    const count = Array.isArray(steps) ? steps.filter((step) => holdsHere(step, platform)).length : 0;
    return count > 0 ? count : undefined;
  });
}

/** The row of a lesson's top-level map, when its head reads without a problem and its steps can be counted. */
function headRow(map: unknown, file: string, countSteps: () => number | undefined): LessonRow | undefined {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const top = map as Record<string, unknown>;
  if (typeof top.format_version !== 'number' || top.format_version > FORMAT_VERSION) return undefined;
  const r = new Reader(file);
  const head = readLessonHead(r, top);
  const steps = countSteps();
  return r.problems.length > 0 || steps === undefined ? undefined : { ...head, file, steps };
}

/** Whether a step, as its YAML holds it, is played on `platform` (its `when: platform:` guard). */
function holdsHere(step: unknown, platform: string): boolean {
  const when = (step as { when?: { platform?: unknown } } | null)?.when;
  const guard: StepGuard | undefined = Array.isArray(when?.platform) ? { platform: when.platform as string[] } : undefined;
  return guardHolds(guard, { platform });
}

/** Pure: the steps of a `steps:` section whose guard holds on `platform`; undefined when they cannot be told apart. */
export function countSteps(section: string[], platform: string): number | undefined {
  const indent = section.map((l) => /^(\s*)-(\s|$)/.exec(l)?.[1]).find((i) => i !== undefined);
  if (indent === undefined) return undefined;
  const items: string[][] = [];
  for (const line of section) {
    if (line.startsWith(`${indent}-`) && /^\s*-(\s|$)/.test(line)) items.push([line]);
    else items.at(-1)?.push(line);
  }
  let count = 0;
  for (const item of items) {
    if (!item.some((l) => /^\s+when:/.test(l))) {
      count++;
      continue;
    }
    const doc = yaml().parseDocument(item.join('\n'));
    const steps: unknown = doc.errors.length > 0 ? undefined : doc.toJS();
    if (!Array.isArray(steps) || steps.length !== 1) return undefined;
    if (holdsHere(steps[0], platform)) count++;
  }
  return count > 0 ? count : undefined;
}
