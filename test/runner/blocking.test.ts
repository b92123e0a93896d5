import { describe, expect, it } from 'vitest';
import { blockingTimeoutMs, boundedExample, LESSON_BLOCK_CAP_MS } from '../../src/runner/blocking.js';

const split = (line: string) => line.split(' ');

describe('the example a blocking refusal offers', () => {
  it('is the refused command with its own timeout argument, in its own unit', () => {
    expect(boundedExample(split('BLPOP jobs 0'), 1, LESSON_BLOCK_CAP_MS)).toBe('BLPOP jobs 5');
    expect(boundedExample(split('brpop a b 60'), 1, LESSON_BLOCK_CAP_MS)).toBe('brpop a b 5');
    expect(boundedExample(split('WAIT 1 0'), 1, LESSON_BLOCK_CAP_MS)).toBe('WAIT 1 5000');
    expect(boundedExample(split('XREAD COUNT 1 BLOCK 0 STREAMS s $'), 1, LESSON_BLOCK_CAP_MS)).toBe('XREAD COUNT 1 BLOCK 5000 STREAMS s $');
    expect(boundedExample(split('BLMPOP 0 1 l LEFT'), 1, LESSON_BLOCK_CAP_MS)).toBe('BLMPOP 5 1 l LEFT');
  });

  it('shares the cap among a repeat count', () => {
    expect(boundedExample(split('BLPOP jobs 5'), 3, LESSON_BLOCK_CAP_MS)).toBe('3 BLPOP jobs 3');
    expect(boundedExample(split('BLPOP jobs 1'), 40, LESSON_BLOCK_CAP_MS)).toBe('40 BLPOP jobs 0.25');
    expect(boundedExample(split('WAIT 1 1000'), 40, LESSON_BLOCK_CAP_MS)).toBe('40 WAIT 1 250');
  });

  it('keeps arguments that need quotes readable by the same splitter', () => {
    expect(boundedExample(['BLPOP', 'my jobs', '0'], 1, LESSON_BLOCK_CAP_MS)).toBe('BLPOP "my jobs" 5');
  });

  it('is always accepted by the cap it was made for', () => {
    const commands = ['BLPOP jobs 0', 'BZPOPMIN z 0', 'BLMOVE a b LEFT RIGHT 0', 'BZMPOP 0 1 z MIN', 'XREADGROUP GROUP g c BLOCK 0 STREAMS s >', 'WAIT 2 0'];
    for (const line of commands) {
      for (const repeat of [1, 2, 3, 7, 10, 11, 100]) {
        const example = split(boundedExample(split(line), repeat, LESSON_BLOCK_CAP_MS));
        const args = repeat > 1 ? example.slice(1) : example;
        const ms = blockingTimeoutMs(args)!;
        expect(ms, `${repeat} ${line}`).toBeGreaterThan(0);
        expect(ms * repeat, `${repeat} ${line}`).toBeLessThanOrEqual(LESSON_BLOCK_CAP_MS);
      }
    }
  });
});
