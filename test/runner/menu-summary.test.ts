import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, it } from 'vitest';
import { atStep, emptyProgress, finishLesson, recordStep } from '../../src/progress/model.js';
import { LANGUAGE, menuChoices, QUIT } from '../../src/runner/menu.js';
import { lessonSummary } from '../../src/runner/summary.js';
import { fixtureCourse } from './harness.js';

const [basics, more] = fixtureCourse() as [ReturnType<typeof fixtureCourse>[number], ReturnType<typeof fixtureCourse>[number]];

describe('menuChoices', () => {
  it('on a first run: every lesson as new, then the language and Quit; the first lesson is the default', () => {
    const menu = menuChoices([basics, more], emptyProgress(), 'en');
    expect(menu.choices).toEqual([
      { name: ' 1. Basics', value: 'basics' },
      { name: ' 2. More', value: 'more' },
      { name: 'Language: English (change)', value: LANGUAGE },
      { name: 'Quit', value: QUIT },
    ]);
    expect(menu.default).toBe('basics');
  });

  it('puts "continue where you left off" first, with the step, and shows each status', () => {
    let p = finishLesson(emptyProgress(), 'basics');
    p = atStep(recordStep(p, 'more', 'count', 'shown'), 'more', 'count');
    const menu = menuChoices([basics, more], p, 'en');
    expect(menu.choices.map((c) => c.name)).toEqual(['Continue where you left off: More (step 1 of 1)', ' 1. Basics  [done]', ' 2. More  [in progress]', 'Language: English (change)', 'Quit']);
    expect(menu.default).toBe('more');
  });

  it('on a narrow terminal, cuts a title with "…" and keeps the step and the status on the line', () => {
    let p = atStep(recordStep(emptyProgress(), 'more', 'count', 'shown'), 'more', 'count');
    p = finishLesson(p, 'basics');
    const long = { ...basics, title: 'Basics: a title far longer than any narrow terminal could hold' };
    const menu = menuChoices([long, more], { ...p, last: 'more' }, 'en', undefined, 40);
    const names = menu.choices.map((c) => c.name);
    expect(names[0]).toBe('Continue where you left off: More (step 1 of 1)');
    expect(names[1]).toMatch(/^ 1\. Basics: a title far lon\S*…  \[done\]$/);
    expect(names[1]!.length).toBeLessThanOrEqual(36);
  });

  it('greys out a lesson this connection cannot play, with the reason, and does not default to it', () => {
    const menu = menuChoices([basics, more], emptyProgress(), 'en', (l) => (l.id === 'basics' ? '(needs a real Redis)' : undefined));
    expect(menu.choices[0]).toEqual({ name: ' 1. Basics', value: 'basics', disabled: '(needs a real Redis)' });
    expect(menu.choices[1]).toEqual({ name: ' 2. More', value: 'more' });
    expect(menu.default).toBe('more');
  });

  it('shows titles in the learner\'s language', () => {
    expect(menuChoices([basics], emptyProgress(), 'ko').choices[0]!.name).toBe(' 1. 기초');
  });
});

describe('lessonSummary', () => {
  it('says what was learned, the commands used, the time, and what comes next', () => {
    const text = plain(lessonSummary({ lesson: basics, commands: ['SET', 'RPUSH'], seconds: 125, outcomes: { greet: 'passed', chat: 'shown' }, next: more }, 'en'));
    expect(text.split('\n')).toEqual([
      'Lesson complete: Basics',
      'What you learned:',
      '  • SET stores one value per key.',
      'Commands you used: SET, RPUSH',
      'Time: 2 min 5 s',
      // Wrapped to the width (100 here), as every line of the summary is.
      '1 step solved by showing the solution or skipped: worth another go later (redis-tutor reset',
      '<lesson>).',
      'Next: More (redis-tutor lesson more)',
    ]);
  });

  it('wraps a long "what you learned" line to the width, hanging under its bullet', () => {
    const long = { ...basics, learned: ['`RPUSH` then `LTRIM key -N -1` (or `LPUSH` then `LTRIM key 0 N-1`) keeps a history capped at N entries.'] };
    const text = plain(lessonSummary({ lesson: long, commands: [], seconds: 1, outcomes: {} }, 'en', 40));
    const learned = text.split('\n').slice(2, 5);
    expect(learned).toEqual(['  • RPUSH then LTRIM key -N -1 (or LPUSH', '    then LTRIM key 0 N-1) keeps a', '    history capped at N entries.']);
  });

  it('ends the course with a finish line after the last lesson', () => {
    const text = plain(lessonSummary({ lesson: more, commands: [], seconds: 4, outcomes: { count: 'passed' } }, 'en'));
    expect(text).toContain('Commands you used: (none)');
    expect(text).toContain('Time: 4 s');
    expect(text.split('\n').at(-1)).toBe('That was the last lesson. You have finished the course!');
  });
});
