import type { TryStep } from '../course/schema.js';

/**
 * Who answers the lesson: a learner at a terminal (interactive.ts), or --autoplay with the lesson's own
 * reference solutions and answers. The driver is the same for both, so autoplay proves the real path.
 */
export interface Player {
  /** True when nothing is typed by a person: the driver prints what is "typed", and never waits. */
  readonly auto: boolean;
  /** The next line at a `try` prompt. */
  line(prompt: string, step: TryStep): Promise<string>;
  /** Index of the chosen answer. */
  choose(question: string, choices: string[], answer: number): Promise<number>;
  /** Lets the learner read before the next step; they may also ask to go back or to quit there. */
  pause(): Promise<'back' | 'quit' | undefined>;
}

/** Plays every `try` step with its solution (then `skip` if that was not enough) and every right answer. */
export function autoPlayer(): Player {
  const typed = new Map<string, number>();
  return {
    auto: true,
    async line(_prompt, step) {
      const n = typed.get(step.id) ?? 0;
      typed.set(step.id, n + 1);
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
