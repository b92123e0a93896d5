import type { CodeStep } from '../../course/schema.js';
import type { LessonRedis } from '../redis.js';
import { attemptProgram, type ProgramOptions, type ProgramVerdict } from './attempt.js';
import { scratchWorkspace, writeProgram } from './workspace.js';

/**
 * Runs a program of the step (its solution unless another is given: a starter, a recorded wrong program)
 * in the tutor's scratch folder, never the learner's workspace, and judges it as the learner's would be.
 * Used when a step's state is rebuilt, on `skip` and `solution`, by --autoplay and by `lessons check`.
 */
export async function runReference(redis: LessonRedis, step: CodeStep, options: ProgramOptions & { program?: string } = {}): Promise<ProgramVerdict> {
  const dir = scratchWorkspace();
  writeProgram(dir, step.file, options.program ?? step.solution);
  return attemptProgram(redis, step, dir, options);
}
