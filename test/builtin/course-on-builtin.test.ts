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

const course = loadCourse();

it.each(course.filter((l) => !l.needs.includes('cluster')).map((l) => l.id))('autoplays %s with nothing installed, on the built-in engine', { timeout: 90_000 }, async (id) => {
  const r = await runBin(['lesson', id, '--autoplay'], { env: nothing, timeoutMs: 80_000 });
  expect({ lesson: id, code: r.code, stderr: r.stderr }).toEqual({ lesson: id, code: 0, stderr: '' });
  expect(r.stdout.split('\n')[0]).toMatch(/^built-in engine \(in memory, 127\.0\.0\.1:\d+; discarded on exit\)$/);
  expect(r.stdout).toContain('Lesson complete:');
  expect(r.stdout).not.toContain('✗');
});

// The engine does not pretend to be a cluster: a lesson on the local cluster is refused, saying how to install Redis.
it.each(course.filter((l) => l.needs.includes('cluster')).map((l) => l.id))('refuses %s with nothing installed, naming how to install redis-server', async (id) => {
  const r = await runBin(['lesson', id, '--autoplay'], { env: nothing, timeoutMs: 30_000 });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('The local cluster needs real redis-server processes');
  expect(r.stderr).toContain('sudo apt-get install redis-server');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).not.toContain('Lesson complete:');
});
