import { describe, expect, it } from 'vitest';
import { commandArgs, courseCommands, onlyCourseKeys, RECLAIM_LIMIT } from '../../src/connection/course-keys.js';
import { mayTakeMarker } from '../../src/connection/marker-guard.js';
import type { Lesson, Step } from '../../src/course/schema.js';

const lesson = (setup: string[], steps: Step[]): Lesson => ({
  formatVersion: 1,
  id: 'l',
  order: 1,
  title: 'T',
  goal: 'G',
  minutes: 1,
  minRedis: '6.2',
  needs: [],
  setup,
  learned: [],
  steps,
  file: 'l.yaml',
});

describe('commandArgs: one authored line as the arguments Redis receives', () => {
  const _ = (line: string, expected: string[] | undefined) => () => expect(commandArgs(line)).toEqual(expected);
  it('plain', _('SET greeting hello', ['SET', 'greeting', 'hello']));
  it('quoted', _('SET "user name" \'Ada L\'', ['SET', 'user name', 'Ada L']));
  it('a connection label', _('B> BLPOP jobs 0', ['BLPOP', 'jobs', '0']));
  it('indented', _('  GET greeting', ['GET', 'greeting']));
  it('the lesson’s own label', _('A> LPUSH jobs j1', ['LPUSH', 'jobs', 'j1']));
  it('a repeat count', _('3 INCR visits', ['INCR', 'visits']));
  it('Korean', _('SET 이름 민수', ['SET', '이름', '민수']));
  it('a directive', _('@wait 2s', undefined));
  it('unbalanced quotes', _('SET "open value', undefined));
  it('blank', _('   ', undefined));
});

describe('courseCommands: every command line of the course, each once', () => {
  it('reads lesson setup, step setup, commands, solution, right and wrong answers and replay setup; skips directives', () => {
    const steps: Step[] = [
      { kind: 'say', id: 's', setup: ['SET say:setup 1'], text: 'x' },
      { kind: 'run', id: 'r', setup: [], commands: ['RPUSH run:list a', '@wait 1s', 'B> GET run:other'] },
      { kind: 'try', id: 't', setup: ['SET try:setup 1'], text: 'x', checks: [], hints: [], solution: ['SET try:solution 1'], right: [['SET try:right 1']], wrong: [{ commands: ['SET try:wrong 1', 'SET try:solution 1'], feedback: 'no' }], replay: { setup: ['RPUSH try:scratch a'], substitute: {}, reply: '' } },
      { kind: 'predict', id: 'p', setup: [], commands: ['INCR predict:n'], question: 'q', choices: ['a'], answer: 0, explain: 'e' },
      { kind: 'quiz', id: 'q', setup: [], question: 'q', choices: ['a'], answer: 0, explain: 'e' },
    ];
    expect(courseCommands([lesson(['SET lesson:setup 1'], steps), lesson(['SET lesson:setup 1'], [])])).toEqual([
      ['SET', 'lesson:setup', '1'],
      ['SET', 'say:setup', '1'],
      ['RPUSH', 'run:list', 'a'],
      ['GET', 'run:other'],
      ['SET', 'try:setup', '1'],
      ['SET', 'try:solution', '1'],
      ['SET', 'try:right', '1'],
      ['SET', 'try:wrong', '1'],
      ['RPUSH', 'try:scratch', 'a'],
      ['INCR', 'predict:n'],
    ]);
  });
});

describe('onlyCourseKeys', () => {
  const course = new Set(['greeting', 'chat', Buffer.from([0xff]).toString('latin1')]);
  const keys = (...k: (string | Buffer)[]) => k.map((x) => (typeof x === 'string' ? Buffer.from(x) : x));
  it('all named', () => expect(onlyCourseKeys(keys('greeting', 'chat'), course)).toBe(true));
  it('one not named', () => expect(onlyCourseKeys(keys('greeting', 'mine'), course)).toBe(false));
  it('compares bytes', () => expect(onlyCourseKeys(keys(Buffer.from([0xff])), course)).toBe(true));
  it('no look-alike', () => expect(onlyCourseKeys(keys('\u00ff'), course)).toBe(false));
  it('too many', () => {
    const many = Array.from({ length: RECLAIM_LIMIT + 1 }, (_, i) => `k${i}`);
    expect(onlyCourseKeys(keys(...many), new Set(many))).toBe(false);
    expect(onlyCourseKeys(keys(...many.slice(1)), new Set(many))).toBe(true);
  });
});

describe('mayTakeMarker: the REPL commands after which the marker is put back', () => {
  const _ = (line: string, expected: boolean) => () => {
    const args = line.split(' ');
    expect(mayTakeMarker((args[0] as string).toLowerCase(), args)).toBe(expected);
    expect(mayTakeMarker((args[0] as string).toLowerCase(), args.map((a) => Buffer.from(a)))).toBe(expected);
  };
  it('FLUSHDB', _('FLUSHDB', true));
  it('FLUSHALL ASYNC', _('FLUSHALL ASYNC', true));
  it('EXEC', _('EXEC', true));
  it('EVAL', _('EVAL return 1 0', true));
  it('FCALL', _('FCALL f 0', true));
  it('DEL of the marker', _('DEL a redis-tutor:playground', true));
  it('EXPIRE of the marker', _('expire redis-tutor:playground 10', true));
  it('RENAME onto the marker', _('RENAME a redis-tutor:playground', true));
  it('MOVE of the marker', _('MOVE redis-tutor:playground 3', true));
  it('SET of the marker', _('SET redis-tutor:playground x', true));
  it('DEL of another key', _('DEL a b', false));
  it('SET of another key', _('SET key:1 value-1', false));
  it('a look-alike key', _('DEL REDIS-TUTOR:PLAYGROUND', false));
  it('SWAPDB (left out on purpose)', _('SWAPDB 15 0', false));
});
