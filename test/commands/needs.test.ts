import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/bin.js';

it('a lesson that needs a real server is not played on the built-in engine, and says how to get one', async () => {
  // The shipped intro lesson, declared as needing a real server (as a persistence lesson would).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-needs-'));
  const intro = readFileSync(path.join(ROOT, 'lessons/01-intro.yaml'), 'utf8').replace('min_redis: "6.2"', 'min_redis: "6.2"\nneeds: [real-server]');
  writeFileSync(path.join(dir, '01-intro.yaml'), intro);
  const r = await runBin(['lesson', 'intro', '--autoplay', '--builtin', '--lessons', dir], { env: { XDG_CONFIG_HOME: dir } });
  expect(r.code).toBe(2);
  expect(r.stdout + r.stderr).toMatch(/The lesson "intro" needs a real Redis server, and the built-in engine is in use: install Redis 7 \(Debian\/Ubuntu: sudo apt-get install redis-server/);
});
