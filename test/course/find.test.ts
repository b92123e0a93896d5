import { describe, expect, it } from 'vitest';
import { findLesson } from '../../src/course/find.js';
import { readCourse } from '../../src/course/load.js';
import { closest, distance } from '../../src/course/similar.js';
import { UserError } from '../../src/errors.js';

const lessons = readCourse(new URL('../../lessons', import.meta.url).pathname).lessons;

describe('closest (near-miss names)', () => {
  it.each([
    ['mesage', ['message', 'other'], 'message'],
    ['chta', ['chat', 'chart:x'], 'chat'],
    ['user2name', ['user:1:name', 'user:2:name'], 'user:2:name'],
    ['Greeting', ['greeting'], 'greeting'],
    ['x', ['y'], undefined],
    ['X', ['x'], 'x'],
    ['chat', ['totally-different'], undefined],
    ['ab', ['abcd'], undefined],
    ['message', ['message'], undefined],
  ])('%s among %j → %s', (wanted, candidates, expected) => {
    expect(closest(wanted, candidates)).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(distance('chta', 'chat')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
  });
});

describe('findLesson', () => {
  it('finds a lesson by id, by number, and ignores case', () => {
    expect(findLesson(lessons, 'strings', 'en').id).toBe('strings');
    expect(findLesson(lessons, '3', 'en').id).toBe('lists');
    expect(findLesson(lessons, 'LISTS', 'en').id).toBe('lists');
  });

  it('answers an unknown name with "did you mean" and the list', () => {
    let error: unknown;
    try {
      findLesson(lessons, 'strigns', 'en');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain('There is no lesson "strigns". Did you mean "strings"?');
    expect((error as UserError).message).toContain(' 3  lists');
  });
});
