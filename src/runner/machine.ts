import { bestOutcome, type StepOutcome } from '../progress/model.js';

/**
 * The lesson runner as a state machine: which step is on screen, and what became of each. Pure: the
 * driver (play.ts) runs a step, turns how it ended into an event, and asks here what comes next.
 */
export interface RunState {
  index: number;
  total: number;
  outcomes: Record<string, StepOutcome>;
  status: 'running' | 'finished' | 'quit';
  /** Set when the step on screen was reached by going back: its starting state must be rebuilt. */
  rebuild: boolean;
}

export type StepEnd = { type: 'done'; outcome: StepOutcome } | { type: 'back' } | { type: 'quit' };

export function initialState(total: number, index = 0): RunState {
  return { index: Math.min(Math.max(0, index), Math.max(0, total - 1)), total, outcomes: {}, status: total === 0 ? 'finished' : 'running', rebuild: index > 0 };
}

export function transition(state: RunState, stepId: string, end: StepEnd): RunState {
  if (state.status !== 'running') return state;
  switch (end.type) {
    case 'quit':
      return { ...state, status: 'quit', rebuild: false };
    case 'back':
      return state.index === 0 ? { ...state, rebuild: false } : { ...state, index: state.index - 1, rebuild: true };
    case 'done': {
      // Going back to a solved step and skipping it leaves it solved.
      const outcomes = { ...state.outcomes, [stepId]: bestOutcome(state.outcomes[stepId], end.outcome) };
      const next = state.index + 1;
      return next >= state.total ? { ...state, outcomes, status: 'finished', rebuild: false } : { ...state, outcomes, index: next, rebuild: false };
    }
  }
}
