import { describe, expect, it } from 'vitest';
import { initialState, transition } from '../../src/runner/machine.js';

describe('the runner state machine', () => {
  it('walks forward, recording each outcome, and finishes after the last step', () => {
    let s = initialState(3);
    s = transition(s, 'a', { type: 'done', outcome: 'passed' });
    s = transition(s, 'b', { type: 'done', outcome: 'shown' });
    expect(s).toMatchObject({ index: 2, status: 'running', rebuild: false });
    s = transition(s, 'c', { type: 'done', outcome: 'skipped' });
    expect(s).toEqual({ index: 2, total: 3, outcomes: { a: 'passed', b: 'shown', c: 'skipped' }, status: 'finished', rebuild: false });
  });

  it('goes back one step and asks for that step\'s starting state to be rebuilt', () => {
    let s = transition(initialState(3), 'a', { type: 'done', outcome: 'passed' });
    s = transition(s, 'b', { type: 'back' });
    expect(s).toMatchObject({ index: 0, rebuild: true, status: 'running' });
  });

  it('stays on the first step on back', () => {
    expect(transition(initialState(3), 'a', { type: 'back' })).toMatchObject({ index: 0, rebuild: false, status: 'running' });
  });

  it('quits from anywhere, keeping the outcomes so far', () => {
    let s = transition(initialState(3), 'a', { type: 'done', outcome: 'passed' });
    s = transition(s, 'b', { type: 'quit' });
    expect(s).toMatchObject({ index: 1, status: 'quit', outcomes: { a: 'passed' } });
    expect(transition(s, 'b', { type: 'done', outcome: 'passed' })).toBe(s);
  });

  it('resumes mid-lesson with a rebuild, and clamps a start beyond the end', () => {
    expect(initialState(5, 3)).toMatchObject({ index: 3, rebuild: true });
    expect(initialState(2, 9)).toMatchObject({ index: 1 });
    expect(initialState(0)).toMatchObject({ status: 'finished' });
  });
});
