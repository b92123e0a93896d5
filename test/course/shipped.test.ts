import { expect, it } from 'vitest';
import { readCourse } from '../../src/course/load.js';

/** The authoring rules the shipped course keeps (docs/lessons.md, COURSE.md 2.2), checked on every lesson file. */
const course = readCourse(new URL('../../lessons', import.meta.url).pathname);
const steps = course.lessons.flatMap((l) => l.steps.map((s) => ({ lesson: l.id, step: s })));

it('every predict of the shipped lessons pins its state with a setup and states its replies with expect', () => {
  const predicts = steps.filter((x) => x.step.kind === 'predict');
  expect(predicts.length).toBeGreaterThan(0);
  const loose = predicts.filter((x) => x.step.kind === 'predict' && (x.step.expect === undefined || x.step.setup.length === 0)).map((x) => `${x.lesson}/${x.step.id}`);
  expect(loose).toEqual([]);
});

it('every try step of the shipped lessons has at least two recorded wrong answers', () => {
  const thin = steps.filter((x) => x.step.kind === 'try' && x.step.wrong.length < 2).map((x) => `${x.lesson}/${x.step.id}`);
  expect(thin).toEqual([]);
});

it('every shipped lesson has at least three steps to practise, each with a recorded wrong answer', () => {
  const thin = course.lessons
    .map((l) => {
      const practice = l.steps.filter((s) => s.kind === 'try' || s.kind === 'code');
      const wrongs = practice.reduce((n, s) => n + (s.kind === 'try' || s.kind === 'code' ? s.wrong.length : 0), 0);
      return { lesson: l.id, practice: practice.length, wrongs };
    })
    .filter((x) => x.practice < 3 || x.wrongs < x.practice);
  expect(thin).toEqual([]);
});
