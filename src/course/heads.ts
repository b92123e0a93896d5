import { parseDocument } from 'yaml';
import { guardHolds } from './guards.js';
import { Reader } from './problems.js';
import { FORMAT_VERSION, type StepGuard } from './schema.js';
import { readLessonHead, type LessonHead } from './validate.js';

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
  const doc = parseDocument([...lines.slice(0, start), ...lines.slice(end)].join('\n'), { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  const map: unknown = doc.toJS();
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const top = map as Record<string, unknown>;
  if (typeof top.format_version !== 'number' || top.format_version > FORMAT_VERSION) return undefined;
  const r = new Reader(file);
  const head = readLessonHead(r, top);
  const steps = countSteps(lines.slice(start + 1, end), platform);
  return r.problems.length > 0 || steps === undefined ? undefined : { ...head, file, steps };
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
    const doc = parseDocument(item.join('\n'));
    const steps: unknown = doc.errors.length > 0 ? undefined : doc.toJS();
    if (!Array.isArray(steps) || steps.length !== 1) return undefined;
    const when = (steps[0] as { when?: { platform?: unknown } } | null)?.when;
    const guard: StepGuard | undefined = Array.isArray(when?.platform) ? { platform: when.platform as string[] } : undefined;
    if (guardHolds(guard, { platform })) count++;
  }
  return count > 0 ? count : undefined;
}
