import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/course/catalog.js';
import { dataRow, glance } from '../../src/course/heads.js';
import { parseLesson } from '../../src/course/parse.js';
import { headOf, lessonKey, preparedFrom, textKey } from '../../src/course/prepared.js';
import { validateLesson } from '../../src/course/validate.js';

const SHIPPED = fileURLToPath(new URL('../../lessons', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST_DATA = path.join(ROOT, 'dist', 'lesson-data');

describe('prepared lesson data (what start-up reads instead of YAML)', () => {
  it('gives every shipped lesson, and its row in `list`, exactly as parsing its YAML does', () => {
    for (const { text, file } of readCatalog(SHIPPED)) {
      const data = preparedFrom(text);
      expect(data, file).toBeDefined();
      expect(validateLesson(data, file), file).toStrictEqual(parseLesson(text, file));
      for (const platform of ['linux', 'win32', 'darwin']) {
        expect(dataRow(data, file, platform), file).toStrictEqual(glance(text, file, platform));
        expect(dataRow(headOf(data), file, platform), file).toStrictEqual(glance(text, file, platform));
      }
    }
  });

  it("finds a shipped lesson's data by comparing its bytes with the shipped copy, and any other text by its SHA-1", () => {
    for (const { bytes, file, key, text } of readCatalog(SHIPPED)) {
      expect(key, file).toBe(textKey(text));
      expect(lessonKey(bytes, file)).toBe(textKey(bytes));
      // One byte changed under the same name: not the shipped lesson any more.
      const edited = Buffer.from(bytes);
      edited.writeUInt8(edited.readUInt8(edited.length - 1) ^ 1, edited.length - 1);
      expect(lessonKey(edited, file)).toBe(textKey(edited));
      expect(lessonKey(edited, file)).not.toBe(key);
    }
  });

  it('holds nothing for a text with YAML errors or values JSON cannot carry', () => {
    expect(preparedFrom('id: a\nid: b\n')).toBeUndefined();
    expect(preparedFrom('minutes: .inf\n')).toBeUndefined();
    expect(preparedFrom('minutes: 3\n')).toStrictEqual({ minutes: 3 });
  });
});

describe('the built tutor reads shipped lessons without loading the YAML library', () => {
  const dirs: string[] = [];
  beforeAll(() => {
    // The build step itself (npm's build, prepare and pretest run it after tsc).
    const built = spawnSync(process.execPath, ['dist/build/prepare-lessons.js'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a data file and a head file per shipped lesson', () => {
    const lessons = readdirSync(SHIPPED).filter((n) => n.endsWith('.yaml')).length;
    expect(readdirSync(DIST_DATA).filter((n) => /^[0-9a-f]{40}\.json$/.test(n))).toHaveLength(lessons);
    expect(readdirSync(DIST_DATA).filter((n) => /^[0-9a-f]{40}\.head\.json$/.test(n))).toHaveLength(lessons);
  });

  /** Runs `list` (the real bin) and a lesson's read (as `lesson` does) on `dir`, and says whether `yaml` was loaded. */
  function run(dir: string | undefined) {
    const home = mkdtempSync(path.join(os.tmpdir(), 'rt-prepared-home-'));
    const report = path.join(home, 'yaml-loaded');
    dirs.push(home);
    // Preloaded: on exit, writes whether the (CommonJS) yaml library is in the module cache.
    const probe = path.join(home, 'probe.cjs');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, String(Object.keys(require.cache).some((k) => /node_modules[\\\\/]yaml[\\\\/]/.test(k)))));`);
    const env = { ...process.env, XDG_CONFIG_HOME: home, REDIS_TUTOR_LANG: 'en', NO_COLOR: '1' };
    const list = spawnSync(process.execPath, ['-r', probe, 'bin/redis-tutor.js', 'list', '--json', ...(dir ? ['--lessons', dir] : [])], { cwd: ROOT, env, encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    const listLoaded = readFileSync(report, 'utf8');
    const script = `const { lessonNamed } = await import('./dist/course/catalog.js'); const { BUILTIN_LESSONS } = await import('./dist/course/load.js');
      const { lesson, next } = lessonNamed(${JSON.stringify(dir ?? null)} ?? BUILTIN_LESSONS, 'intro', 'en'); console.log(JSON.stringify([lesson.id, lesson.steps.length, next.id]));`;
    const named = spawnSync(process.execPath, ['-r', probe, '--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8' });
    expect(named.status, named.stderr).toBe(0);
    return { rows: JSON.parse(list.stdout) as { id: string; steps: number }[], listLoaded, named: named.stdout.trim(), namedLoaded: readFileSync(report, 'utf8') };
  }

  it('list and a named lesson skip YAML for the shipped files, and parse a file that was edited, with the same result', () => {
    const shipped = run(undefined);
    expect(shipped.listLoaded).toBe('false');
    expect(shipped.namedLoaded).toBe('false');
    // A copy with the first lesson edited (a comment added): its data is not the prepared one, so it is parsed.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'rt-prepared-'));
    dirs.push(copy);
    cpSync(SHIPPED, copy, { recursive: true });
    const intro = readdirSync(copy).find((n) => n.includes('intro'))!;
    writeFileSync(path.join(copy, intro), `# edited\n${readFileSync(path.join(copy, intro), 'utf8')}`);
    const edited = run(copy);
    expect(edited.listLoaded).toBe('true');
    expect(edited.namedLoaded).toBe('true');
    expect(edited.rows).toStrictEqual(shipped.rows);
    expect(edited.named).toBe(shipped.named);
  });
});
