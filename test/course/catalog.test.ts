import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonNamed, lessonRows, readCatalog, topLevelScalar } from '../../src/course/catalog.js';
import { countSteps, glance } from '../../src/course/heads.js';
import { loadCourse } from '../../src/course/load.js';
import { lessonHere } from '../../src/course/guards.js';
import { UserError } from '../../src/errors.js';

const SHIPPED = new URL('../../lessons', import.meta.url).pathname;

/** A valid lesson file; `steps` replaces its steps section, `head` is added to its top. */
function lessonText(id: string, order: number, { head = '', steps = '  - id: one\n    kind: say\n    text: Hello.\n' } = {}): string {
  return `${head}format_version: 2\nid: ${id}\norder: ${order}\ntitle:\n  en: Lesson ${id}\n  ko: 레슨 ${id}\ngoal: Learn ${id}.\nminutes: 3\nmin_redis: "6.2"\nsteps:\n${steps}learned:\n  - Something.\n`;
}

const dirs: string[] = [];
function course(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-catalog-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const thrown = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('did not throw');
};

describe('topLevelScalar (a glance at a top-level line)', () => {
  it.each([
    ['id: intro\n', 'id', 'intro'],
    ['id: "intro"\n', 'id', 'intro'],
    ["id: 'intro'  # the first\n", 'id', 'intro'],
    ['order: 12\n', 'order', '12'],
    ['title:\n  id: nested\nid: top\n', 'id', 'top'],
    ['  id: indented\n', 'id', undefined],
    ['id: one\nid: two\n', 'id', undefined],
    ['id: "es\\"caped"\n', 'id', undefined],
    ['id: {a: 1}\n', 'id', undefined],
    ['identity: x\n', 'id', undefined],
  ])('%j, %s → %s', (text, key, expected) => {
    expect(topLevelScalar(text, key)).toBe(expected);
  });
});

describe('countSteps (steps as played on a platform, without parsing every step)', () => {
  const say = (id: string, extra = '') => `  - id: ${id}\n    kind: say\n${extra}    text: |\n      - not a step\n      when: not a guard either\n`;
  it.each([
    [say('a') + say('b'), 'linux', 2],
    [say('a') + say('w', '    when:\n      platform: [win32]\n'), 'linux', 1],
    [say('a') + say('w', '    when:\n      platform: [win32]\n'), 'win32', 2],
    [say('a') + say('r', '    when:\n      engine: real\n'), 'linux', 2],
    ['# a comment\n' + say('a'), 'linux', 1],
    ['', 'linux', undefined],
  ])('%#: on %s → %s', (section, platform, expected) => {
    expect(countSteps(section.split('\n'), platform)).toBe(expected);
  });
});

describe('lessonRows (what `list` shows, read cheaply)', () => {
  it('matches the full parse of the shipped course on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const full = loadCourse(SHIPPED).map((l) => lessonHere(l, { platform }));
      const rows = lessonRows(SHIPPED, platform);
      expect(rows.map((r) => [r.id, r.order, r.title, r.goal, r.minutes, r.needs, r.steps])).toEqual(full.map((l) => [l.id, l.order, l.title, l.goal, l.minutes, l.needs, l.steps.length]));
    }
  });

  it('reads every shipped lesson by a glance, without a full parse', () => {
    for (const entry of readCatalog(SHIPPED)) expect(glance(entry.text, entry.file, 'linux'), entry.file).toBeDefined();
  });

  it('tells the problems of a lesson whose head is damaged, with file and path, as a full read would', () => {
    const dir = course({ '01-a.yaml': lessonText('a', 1), '02-b.yaml': lessonText('b', 2).replace('minutes: 3', 'minutes: soon') });
    const message = thrown(() => lessonRows(dir, 'linux'));
    expect(message).toMatch(/^1 problem in the lesson files:/);
    expect(message).toContain('02-b.yaml');
    expect(message).toContain('minutes');
  });

  it.each([
    ['a YAML error', (t: string) => t.replace('title:\n', 'title: [unclosed\n')],
    ['a newer format', (t: string) => t.replace('format_version: 2', 'format_version: 99')],
    ['no steps', (t: string) => t.replace(/steps:\n[\s\S]*learned:/, 'learned:')],
  ])('refuses a lesson file with %s, naming it', (_what, damage) => {
    const dir = course({ '01-a.yaml': damage(lessonText('a', 1)) });
    expect(thrown(() => lessonRows(dir, 'linux'))).toContain('01-a.yaml');
  });

  it('refuses two lessons with one order', () => {
    const dir = course({ '01-a.yaml': lessonText('a', 1), '02-b.yaml': lessonText('b', 1) });
    expect(thrown(() => lessonRows(dir, 'linux'))).toMatch(/order/);
  });
});

describe('lessonNamed (the lesson run is the only one parsed)', () => {
  it('finds a lesson by id or by number, with the next one in course order', () => {
    const dir = course({ '01-a.yaml': lessonText('a', 1), '05-c.yaml': lessonText('c', 5), '03-b.yaml': lessonText('b', 3) });
    expect([lessonNamed(dir, 'a', 'en').lesson.id, lessonNamed(dir, 'a', 'en').next?.id]).toEqual(['a', 'b']);
    expect([lessonNamed(dir, '3', 'en').lesson.id, lessonNamed(dir, '3', 'en').next?.id]).toEqual(['b', 'c']);
    expect([lessonNamed(dir, ' C ', 'en').lesson.id, lessonNamed(dir, 'c', 'en').next]).toEqual(['c', undefined]);
  });

  it('plays a lesson while another lesson\'s steps are damaged (that one is checked when it runs)', () => {
    const dir = course({ '01-a.yaml': lessonText('a', 1), '02-b.yaml': lessonText('b', 2), '03-z.yaml': lessonText('z', 3, { steps: '  - id: x\n    kind: nonsense\n' }) });
    expect(lessonNamed(dir, 'a', 'en').lesson.steps.map((s) => s.id)).toEqual(['one']);
    expect(thrown(() => lessonNamed(dir, 'z', 'en'))).toMatch(/03-z\.yaml.*steps\[0\]\.kind/s);
  });

  it('reads the whole course when a glance cannot tell: an unreadable id, a duplicate, or no such lesson', () => {
    const broken = course({ '01-a.yaml': lessonText('a', 1), '02-b.yaml': 'format_version: 2\nid: [b\n' });
    expect(thrown(() => lessonNamed(broken, 'a', 'en'))).toContain('02-b.yaml');
    const twice = course({ '01-a.yaml': lessonText('a', 1), '02-a.yaml': lessonText('a', 2) });
    expect(thrown(() => lessonNamed(twice, 'a', 'en'))).toMatch(/02-a\.yaml.*id/s);
    const fine = course({ '01-intro.yaml': lessonText('intro', 1) });
    expect(thrown(() => lessonNamed(fine, 'intor', 'en'))).toMatch(/There is no lesson "intor"[\s\S]*intro/);
  });

  it('reads the whole course when the glance misread a file (its id is not what the parse finds)', () => {
    // A quoted key hides `id` from the glance's line match, so the parse decides: the glance's `a` is not the id.
    const dir = course({ '01-a.yaml': lessonText('a', 1).replace('id: a\n', 'id: a\n"id": real\n') });
    expect(thrown(() => lessonNamed(dir, 'a', 'en'))).toContain('01-a.yaml');
  });
});
