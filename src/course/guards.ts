import { versionAtLeast } from '../connection/versions.js';
import type { Lesson, StepGuard } from './schema.js';

/** Where a lesson is being played: what step guards (`when:`) are judged against. */
export interface Place {
  platform: string;
  engine: 'builtin' | 'real';
  /** The server's version, "7.0.15". */
  version: string;
}

/** What is not known of a place (no server yet, as in `list`) does not leave a step out. */
export function guardHolds(guard: StepGuard | undefined, place: Partial<Place>): boolean {
  if (guard === undefined) return true;
  if (guard.platform && place.platform !== undefined && !guard.platform.includes(place.platform)) return false;
  if (guard.engine && place.engine !== undefined && guard.engine !== place.engine) return false;
  return guard.minRedis === undefined || place.version === undefined || versionAtLeast(place.version, guard.minRedis);
}

/**
 * Pure: the lesson as played here, without the steps whose guard does not hold (a Windows-only note on
 * Linux, a step for a newer Redis). Numbering, progress and the state each step starts from follow it.
 */
export function lessonHere(lesson: Lesson, place: Partial<Place>): Lesson {
  const steps = lesson.steps.filter((s) => guardHolds(s.when, place));
  return steps.length === lesson.steps.length ? lesson : { ...lesson, steps };
}
