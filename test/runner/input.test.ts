import { describe, expect, it } from 'vitest';
import { classifyInput } from '../../src/runner/input.js';

describe('classifyInput: the words of the try prompt', () => {
  it.each([
    ['hint', { kind: 'hint' }],
    ['  HINT ', { kind: 'hint' }],
    ['solution', { kind: 'solution' }],
    ['skip', { kind: 'skip' }],
    ['back', { kind: 'back' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['show chat', { kind: 'show', key: 'chat' }],
    ['show "chat:room1"', { kind: 'show', key: 'chat:room1' }],
    ['show', { kind: 'show' }],
    ['help RPUSH', { kind: 'help', topic: 'RPUSH' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'empty' }],
    ['GET hint', { kind: 'command', line: 'GET hint' }],
    ['SET skip 1', { kind: 'command', line: 'SET skip 1' }],
    ['RPUSH chat "how are you?"', { kind: 'command', line: 'RPUSH chat "how are you?"' }],
    ['show me the money', { kind: 'command', line: 'show me the money' }],
  ])('%j', (line, expected) => {
    expect(classifyInput(line)).toEqual(expected);
  });
});
