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

describe('classifyInput: the words in Korean, and the Korean keyboard layout left on', () => {
  it.each([
    ['힌트', { kind: 'hint' }],
    ['정답', { kind: 'solution' }],
    ['건너뛰기', { kind: 'skip' }],
    ['다시', { kind: 'retry' }],
    ['뒤로', { kind: 'back' }],
    ['종료', { kind: 'quit' }],
    ['보기 chat:room1', { kind: 'show', key: 'chat:room1' }],
    ['도움말 RPUSH', { kind: 'help', topic: 'RPUSH' }],
    // What a 두벌식 IME makes of the English words: loose jamo, or syllables where they join.
    ['ㅗㅑㅜㅅ', { kind: 'hint', layout: { typed: 'ㅗㅑㅜㅅ', keys: 'hint' } }],
    ['벼ㅑㅅ', { kind: 'quit', layout: { typed: '벼ㅑㅅ', keys: 'quit' } }],
    ['ㅂㅕㅑㅅ', { kind: 'quit', layout: { typed: 'ㅂㅕㅑㅅ', keys: 'quit' } }],
    ['ㅠㅁ차', { kind: 'back', layout: { typed: 'ㅠㅁ차', keys: 'back' } }],
    ['나ㅑㅔ', { kind: 'skip', layout: { typed: '나ㅑㅔ', keys: 'skip' } }],
    ['ㄱㄷㅅ교', { kind: 'retry', layout: { typed: 'ㄱㄷㅅ교', keys: 'retry' } }],
    ['내ㅣㅕ샤ㅐㅜ', { kind: 'solution', layout: { typed: '내ㅣㅕ샤ㅐㅜ', keys: 'solution' } }],
    ['노ㅐㅈ chat', { kind: 'show', key: 'chat', layout: { typed: '노ㅐㅈ', keys: 'show' } }],
    // A Redis command so typed stays a command: the runner looks it up and says so.
    ['ㄴㄷㅅ greeting hello', { kind: 'command', line: 'ㄴㄷㅅ greeting hello', layout: { typed: 'ㄴㄷㅅ', keys: 'set' } }],
    ['ㅎㄷㅅ greeting', { kind: 'command', line: 'ㅎㄷㅅ greeting', layout: { typed: 'ㅎㄷㅅ', keys: 'get' } }],
    // Korean values are values: only the first word is looked at, and a real word is just a word.
    ['SET 인사 안녕', { kind: 'command', line: 'SET 인사 안녕' }],
    ['안녕', { kind: 'command', line: '안녕', layout: { typed: '안녕', keys: 'dkssud' } }],
  ])('%j', (line, expected) => {
    expect(classifyInput(line)).toEqual(expected);
  });
});
