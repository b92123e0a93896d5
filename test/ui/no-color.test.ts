import { spawnSync } from 'node:child_process';
import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paletteFor } from '../../src/ui/theme.js';
import { BIN, HERMETIC_ENV } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * NO_COLOR (no-color.org) means no ANSI colour at all, in a terminal too; FORCE_COLOR still decides when set,
 * as chalk documents. The bin runs in a real pseudo-terminal (`script`), where colour would be on, and its raw
 * bytes are searched for SGR sequences (tmux's screen would hide them).
 */

const SGR = /\x1b\[[0-9;]*m/;

describe('paletteFor', () => {
  it.each([{ NO_COLOR: '1' }, { NO_COLOR: 'yes please' }])('%o: no colour', (env) => {
    expect(paletteFor(env).level).toBe(0);
  });
  it.each([{}, { NO_COLOR: '' }, { NO_COLOR: '1', FORCE_COLOR: '1' }])('%o: chalk decides', (env) => {
    expect(paletteFor(env)).toBe(chalk);
  });
});

let server: TestRedis;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server.stop();
});

/** `lesson intro --autoplay` in a pseudo-terminal: what it wrote, escape sequences and all. */
function inTerminal(colourEnv: Record<string, string>): string {
  const env: NodeJS.ProcessEnv = { ...process.env, ...HERMETIC_ENV, TERM: 'xterm-256color', ...colourEnv };
  if (!('NO_COLOR' in colourEnv)) delete env.NO_COLOR;
  if (!('FORCE_COLOR' in colourEnv)) delete env.FORCE_COLOR;
  // chalk turns colour off by itself when CI is set (and no known CI service is named): the CI runner is not a learner's terminal.
  delete env.CI;
  const command = [process.execPath, BIN, 'lesson', 'intro', '--autoplay', '--url', server.url].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 20_000 });
  expect(r.stdout).toContain('Lesson 1');
  return r.stdout;
}

describe('in a terminal', () => {
  it('NO_COLOR=1: no colour anywhere', () => {
    expect(inTerminal({ NO_COLOR: '1' })).not.toMatch(SGR);
  });
  it('without NO_COLOR (the check above can see colour)', () => {
    expect(inTerminal({})).toMatch(SGR);
  });
  it('NO_COLOR empty is not set', () => {
    expect(inTerminal({ NO_COLOR: '' })).toMatch(SGR);
  });
  it('FORCE_COLOR=1 still forces colour, as chalk documents', () => {
    expect(inTerminal({ NO_COLOR: '1', FORCE_COLOR: '1' })).toMatch(SGR);
  });
  it('FORCE_COLOR=0 still turns it off', () => {
    expect(inTerminal({ FORCE_COLOR: '0' })).not.toMatch(SGR);
  });
});
