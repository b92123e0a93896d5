import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { openPane, shellQuote, type Pane } from '../helpers/pane.js';

/**
 * NO_COLOR=1 takes the colour out of every screen a learner sees in a terminal, not only the lesson's
 * (no-color.test.ts): the REPL's replies, notes and errors, the start menu and the Language menu (inquirer
 * draws those with its own theme), and doctor's table. Each screen is read with its escape sequences (tmux
 * capture-pane -e), and the same screen without NO_COLOR shows that the check can see colour.
 */

const SGR = /\x1b\[[0-9;]*m/;
let config: string;
let pane: Pane | undefined;
beforeAll(() => {
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-no-color-'));
});
afterEach(() => pane?.kill());
afterAll(() => rmSync(config, { recursive: true, force: true }));

/** The bin in a pane, NO_COLOR set to 1 or not set at all (nor FORCE_COLOR, nor CI, which turn chalk's colour off). */
function open(noColor: boolean, args: string[]): Pane {
  const home = mkdtempSync(path.join(config, 'home-'));
  const env = `env -u NO_COLOR -u FORCE_COLOR -u CI ${noColor ? 'NO_COLOR=1 ' : ''}TERM=xterm-256color REDIS_URL= REDIS_TUTOR_LOCAL=127.0.0.1:1 REDIS_TUTOR_LANG=en XDG_CONFIG_HOME=${shellQuote(home)}`;
  return (pane = openPane(`${env} ${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args.join(' ')}; sleep 600`, { width: 110, height: 50 }));
}

const screens: Record<string, (noColor: boolean) => Promise<string>> = {
  async repl(noColor) {
    const p = open(noColor, ['repl', '--builtin']);
    await p.until(/> $|>$/, 'the prompt');
    for (const line of ['set greeting hello', 'set greeting bye', 'nosuchcommand']) {
      p.type(line);
      p.send('Enter');
    }
    await p.until(/unknown command[\s\S]*>$/, 'the error');
    return p.screen(true);
  },
  async 'start menu'(noColor) {
    const p = open(noColor, ['start', '--builtin']);
    await p.until(/Choose a lesson[\s\S]*select$/, 'the menu');
    p.send('Down');
    await p.until(/❯\s+2\./, 'the second lesson chosen');
    return p.screen(true);
  },
  async 'Language menu'(noColor) {
    const p = open(noColor, ['start', '--builtin']);
    await p.until(/Choose a lesson[\s\S]*select$/, 'the menu');
    p.send('Up', 'Up', 'Enter');
    await p.until(/Which language should the tutor speak\?[\s\S]*select$/, 'the Language menu');
    return p.screen(true);
  },
  async 'doctor table'(noColor) {
    const p = open(noColor, ['doctor', '--builtin']);
    await p.until(/┘/, 'the table');
    return p.screen(true);
  },
};

describe.each(Object.keys(screens))('%s', (name) => {
  it('NO_COLOR=1: no colour', async () => {
    expect(await screens[name]!(true)).not.toMatch(SGR);
  });
  it('without NO_COLOR: colour (the check above can see it)', async () => {
    expect(await screens[name]!(false)).toMatch(SGR);
  });
});
