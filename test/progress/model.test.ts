import { describe, expect, it } from 'vitest';
import { addTime, atStep, emptyProgress, finishLesson, isProgress, lessonStatus, recordStep, resetAll, resetLesson, resumeIndex } from '../../src/progress/model.js';

describe('progress model', () => {
  it('moves a lesson from new to in progress to done, keyed by step ids', () => {
    let p = emptyProgress();
    expect(lessonStatus(p, 'strings')).toBe('new');
    p = atStep(p, 'strings', 'set-get');
    expect(lessonStatus(p, 'strings')).toBe('in progress');
    p = recordStep(p, 'strings', 'set-get', 'shown');
    p = finishLesson(p, 'strings');
    expect(lessonStatus(p, 'strings')).toBe('done');
    expect(p.lessons.strings).toEqual({ steps: { 'set-get': 'shown' }, finished: true, seconds: 0 });
    expect(p.last).toBe('strings');
  });

  it('resumes at the step by id, and from the start when that step no longer exists', () => {
    const p = atStep(emptyProgress(), 'lists', 'trim');
    expect(resumeIndex(p, 'lists', ['push', 'read', 'trim'])).toBe(2);
    expect(resumeIndex(p, 'lists', ['push', 'read', 'renamed'])).toBe(0);
    expect(resumeIndex(finishLesson(p, 'lists'), 'lists', ['push', 'read', 'trim'])).toBe(0);
  });

  it('adds time, ignoring negative clocks', () => {
    let p = addTime(emptyProgress(), 'intro', 12.4);
    p = addTime(p, 'intro', -50);
    expect(p.lessons.intro?.seconds).toBe(12);
  });

  it('resets one lesson or all, keeping the welcome seen', () => {
    let p = { ...recordStep(recordStep(emptyProgress(), 'a', 's', 'passed'), 'b', 's', 'passed'), welcomed: true };
    p = resetLesson(p, 'b');
    expect(Object.keys(p.lessons)).toEqual(['a']);
    expect(p.last).toBeUndefined();
    expect(resetAll(p)).toEqual({ ...emptyProgress(), welcomed: true });
  });

  it.each([
    ['a fresh file', emptyProgress(), true],
    ['a finished lesson', finishLesson(emptyProgress(), 'x'), true],
    ['null', null, false],
    ['an array', [], false],
    ['another version', { ...emptyProgress(), version: 2 }, false],
    ['an unknown outcome', { version: 1, welcomed: true, lessons: { x: { steps: { a: 'won' }, finished: false, seconds: 0 } } }, false],
    ['seconds as text', { version: 1, welcomed: true, lessons: { x: { steps: {}, finished: false, seconds: '3' } } }, false],
  ])('isProgress: %s', (_what, data, expected) => {
    expect(isProgress(data)).toBe(expected);
  });
});
