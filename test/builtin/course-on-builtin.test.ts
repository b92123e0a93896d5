import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import { freePort } from '../../src/connection/spawn.js';
import { runBin } from '../helpers/bin.js';
import { PATH_WITHOUT_REDIS } from '../helpers/process.js';

// The course with nothing installed: no Redis answering on this machine and no redis-server on PATH, so the
// tutor's chain ends at its built-in engine, and every shipped lesson autoplays to the end there.
const configDir = mkdtempSync(path.join(os.tmpdir(), 'rt-course-builtin-'));
let nothing: NodeJS.ProcessEnv;
beforeAll(async () => {
  nothing = { XDG_CONFIG_HOME: configDir, PATH: PATH_WITHOUT_REDIS, REDIS_TUTOR_LOCAL: `127.0.0.1:${await freePort()}` };
});
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

it.each(loadCourse().map((l) => l.id))('autoplays %s with nothing installed, on the built-in engine', { timeout: 90_000 }, async (id) => {
  const r = await runBin(['lesson', id, '--autoplay'], { env: nothing, timeoutMs: 80_000 });
  expect({ lesson: id, code: r.code, stderr: r.stderr }).toEqual({ lesson: id, code: 0, stderr: '' });
  expect(r.stdout.split('\n')[0]).toMatch(/^built-in engine \(in memory, 127\.0\.0\.1:\d+; discarded on exit\)$/);
  expect(r.stdout).toContain('Lesson complete:');
  expect(r.stdout).not.toContain('✗');
});
