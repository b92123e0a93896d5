import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCourse } from '../../src/course/load.js';
import { parseLesson } from '../../src/course/parse.js';
import { FORMAT_VERSION, type Lesson, type SayStep } from '../../src/course/schema.js';
import { localize } from '../../src/course/text.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A minimal valid lesson in YAML, with `extra` lines appended under `steps:` or replacing fields. */
const lesson = (steps: string, header = '') => `format_version: 1
id: demo
order: 1
title: Demo
goal: A goal.
minutes: 1
min_redis: "6.2"
${header}steps:
${steps}`;

const problemsOf = (source: string) => {
  const result = parseLesson(source, 'demo.yaml');
  if (result.ok) throw new Error('expected problems, got a valid lesson');
  return result.problems.map((p) => `${p.path}: expected ${p.expected}; found ${p.found}`);
};

describe('parseLesson', () => {
  it('reads the fixture lesson: kinds, checks, texts and setup', () => {
    const result = parseLesson(fixture('course/01-basics.yaml'), 'basics.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const l: Lesson = result.lesson;
    // A format 1 file is still read as it was.
    expect(l.formatVersion).toBe(1);
    expect(FORMAT_VERSION).toBe(2);
    expect(l.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['say:hello', 'try:greet', 'predict:overwrite', 'try:chat', 'quiz:quiz']);
    expect(l.setup).toEqual(['SET fixture:setup done']);
    const chat = l.steps[3];
    expect(chat?.kind === 'try' && chat.checks).toEqual([{ kind: 'list', key: 'chat', values: ['a', 'b'] }, { kind: 'uses', commands: ['RPUSH'] }]);
  });

  it('keeps a Korean text beside the English one, and falls back to English for other languages', () => {
    const result = parseLesson(fixture('course/01-basics.yaml'), 'basics.yaml');
    if (!result.ok) throw new Error('invalid fixture');
    const hello = result.lesson.steps[0] as SayStep;
    expect(localize(hello.text, 'ko')).toBe('픽스처 코스에 오신 것을 환영합니다. 막히면 `hint`를 입력하세요.');
    expect(localize(hello.text, 'en')).toBe('Welcome to the **fixture** course. Type `hint` when stuck.');
    expect(localize(hello.text, 'fr')).toBe('Welcome to the **fixture** course. Type `hint` when stuck.');
    expect(localize(result.lesson.title, 'ko')).toBe('기초');
    // A plain string is English, whatever the language.
    expect(localize(result.lesson.goal, 'ko')).toBe('Store a greeting and a chat list.');
  });

  it.each([
    ['a step kind it does not know', '  - { id: a, kind: sing }', 'steps[0].kind: expected one of: say, run, try, predict, quiz; found the text "sing"'],
    ['a misspelt field', '  - { id: a, kind: say, text: Hi, hint: x }', 'steps[0].hint: expected one of: id, kind, setup, when, text; found an unknown field "hint"'],
    ['an answer out of range', '  - { id: q, kind: quiz, question: Q, choices: [a, b], answer: 2, explain: E }', 'steps[0].answer: expected the number of the right choice, from 0 to 1 (0 is the first); found the number 2'],
    ['a check with two kinds', '  - { id: t, kind: try, text: T, solution: [PING], checks: [{ key: k, string: a, list: [a] }] }', 'steps[0].checks[0]: expected one of exists, type, string, list, set, hash, hash_exact, zset, ttl, length beside key:; found string, list'],
    ['a ttl that is not a range', '  - { id: t, kind: try, text: T, solution: [PING], checks: [{ key: k, ttl: 5 }] }', 'steps[0].checks[0].ttl: expected `none`, or [min, max] seconds left, such as [1, 60]; found the number 5'],
    ['a Redis type that does not exist', '  - { id: t, kind: try, text: T, solution: [PING], checks: [{ key: k, type: array }] }', 'steps[0].checks[0].type: expected a Redis type: string, list, set, zset, hash, stream; found the text "array"'],
    ['a text without English', '  - { id: a, kind: say, text: { ko: 안녕 } }', 'steps[0].text.en: expected the English text (the fallback for every language); found nothing'],
    ['a bad language code', '  - { id: a, kind: say, text: { en: Hi, korean: 안녕 } }', 'steps[0].text.korean: expected a language code such as en, ko or pt-BR; found "korean"'],
    ['two steps with one id', '  - { id: a, kind: say, text: Hi }\n  - { id: a, kind: say, text: Again }', 'steps[1].id: expected an id no other step of this lesson has; found "a", already the id of steps[0]'],
    ['a try step without a solution', '  - { id: t, kind: try, text: T, checks: [{ reply: PONG }] }', 'steps[0].solution: expected a list of Redis commands; found nothing'],
  ])('names %s with its path, what was expected and what was found', (_what, steps, expected) => {
    expect(problemsOf(lesson(steps))).toContain(expected);
  });

  it('reports every problem of a file at once', () => {
    const result = readCourse(new URL('broken', FIXTURES).pathname);
    const bad = result.problems.filter((p) => p.file.endsWith('bad.yaml')).map((p) => p.path);
    expect(bad).toEqual([
      'id', 'order', 'title.en', 'goal', 'minutes', 'min_redis', 'needs[0]', 'steps[0].kind', 'steps[1].hint',
      'steps[1].checks[0].list', 'steps[1].checks[1]', 'steps[1].checks[2].reply', 'steps[1].solution', 'steps[2].choices',
      'steps[2].answer', 'steps[1].id',
    ]);
    expect(result.lessons).toEqual([]);
  });

  it('refuses a newer format with one clear message instead of a pile of unknown fields', () => {
    const problems = problemsOf(fixture('broken/future.yaml'));
    expect(problems).toEqual([
      `format_version: expected ${FORMAT_VERSION} or lower (this version of redis-tutor reads format ${FORMAT_VERSION}; update redis-tutor to read newer lessons); found format_version 99`,
    ]);
  });

  it('points at the line of a YAML syntax error', () => {
    expect(problemsOf(fixture('broken/syntax.yaml'))[0]).toMatch(/^line 4, column 1: expected valid YAML; found /);
  });

  it('reads numbers and booleans in expected values as the text Redis stores', () => {
    const result = parseLesson(lesson('  - { id: t, kind: try, text: T, solution: [INCR n], checks: [{ key: n, string: 1 }, { key: l, list: [1, true] }] }'), 'x.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const step = result.lesson.steps[0];
    expect(step?.kind === 'try' && step.checks).toEqual([
      { kind: 'string', key: 'n', value: '1' },
      { kind: 'list', key: 'l', values: ['1', 'true'] },
    ]);
  });
});

describe('readCourse', () => {
  it('orders lessons by their order field and finds ids or orders used twice', () => {
    const course = readCourse(new URL('course', FIXTURES).pathname);
    expect(course.lessons.map((l) => l.id)).toEqual(['basics', 'more']);
    expect(course.problems).toEqual([]);
  });

  it('the shipped course is valid: intro, strings, lists in that order', () => {
    const course = readCourse(new URL('../../lessons', import.meta.url).pathname);
    expect(course.problems).toEqual([]);
    expect(course.lessons.map((l) => `${l.order}:${l.id}`)).toEqual(['1:intro', '2:strings', '3:lists']);
  });
});
