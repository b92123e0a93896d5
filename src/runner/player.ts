import type { CodeStep, TryStep } from '../course/schema.js';

/**
 * Who answers the lesson: a learner at a terminal (interactive.ts), or --autoplay with the lesson's own
 * reference solutions and answers. The driver is the same for both, so autoplay proves the real path.
 */
export interface Player {
  /** True when nothing is typed by a person: the driver prints what is "typed", and never waits. */
  readonly auto: boolean;
  /**
   * The next line at a `try` (or `code`) prompt. An aborted `signal` (a watched file was saved) ends the
   * wait: the promise then rejects, and whatever was half typed is dropped.
   */
  line(prompt: string, step: TryStep | CodeStep, signal?: AbortSignal): Promise<string>;
  /** Index of the chosen answer. */
  choose(question: string, choices: string[], answer: number): Promise<number>;
  /** Lets the learner read before the next step: what they typed there (empty or undefined to go on). */
  pause(): Promise<string | undefined>;
}

/**
 * Plays every `try` step with its solution (then `skip` if that was not enough), and every `code` step
 * by running its solution program.
 * With `skipAll`, every try step is skipped at once: the path of a learner who skips, which the lessons
 * after it must survive.
 */
export function autoPlayer(options: { skipAll?: boolean } = {}): Player {
  const typed = new Map<string, number>();
  return {
    auto: true,
    async line(_prompt, step) {
      if (options.skipAll) return 'skip';
      const n = typed.get(step.id) ?? 0;
      typed.set(step.id, n + 1);
      // A code step's solution is a file, which autoplay puts in place: it is run once.
      if (step.kind === 'code') return n === 0 ? 'run' : 'skip';
      return step.solution[n] ?? 'skip';
    },
    async choose(_question, _choices, answer) {
      return answer;
    },
    async pause() {
      return undefined;
    },
  };
}
