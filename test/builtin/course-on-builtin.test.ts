import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';

// The course with no Redis installed: every shipped lesson that needs nothing beyond one connection
// autoplays to the end on the built-in engine.
const configDir = mkdtempSync(path.join(os.tmpdir(), 'rt-course-builtin-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

it('autoplays every lesson that needs no real server on the built-in engine', { timeout: 120_000 }, async () => {
  const listed = await runBin(['list', '--json'], { env: { XDG_CONFIG_HOME: configDir } });
  const lessons = JSON.parse(listed.stdout) as Array<{ id: string; needs: string[] }>;
  // Two connections are fine here: the engine serves any number; only 'real-server' lessons are left out.
  const runnable = lessons.filter((l) => !l.needs.includes('real-server'));
  expect(runnable.length).toBeGreaterThan(0);
  for (const lesson of runnable) {
    const r = await runBin(['lesson', lesson.id, '--autoplay', '--builtin'], { env: { XDG_CONFIG_HOME: configDir }, timeoutMs: 60_000 });
    expect({ lesson: lesson.id, code: r.code, stderr: r.stderr }).toEqual({ lesson: lesson.id, code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toMatch(/^built-in engine \(in memory, 127\.0\.0\.1:\d+; discarded on exit\)$/);
  }
});
