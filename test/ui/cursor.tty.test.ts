import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BIN, HERMETIC_ENV } from '../helpers/bin.js';
import { openPane, shellQuote, type Pane } from '../helpers/pane.js';

/**
 * A menu hides the cursor. A tutor ended there by SIGTERM or SIGHUP shows it again and ends the line, so that
 * the shell's next prompt is visible and starts a line of its own. The tutor runs from a real shell, whose
 * prompt is what a learner sees next.
 */

const PROMPT = 'shell$';
let config: string;
let pane: Pane | undefined;
beforeAll(() => {
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-cursor-'));
});
afterEach(() => pane?.kill());
afterAll(() => rmSync(config, { recursive: true, force: true }));

/** `start --builtin` typed at a shell prompt; resolves once its lesson menu waits. Returns the tutor's pid. */
async function startAtMenu(): Promise<{ p: Pane; tutor: number }> {
  const p = (pane = openPane(`env PS1='${PROMPT} ' sh`));
  await p.until(new RegExp(`${escape(PROMPT)}$`), 'the shell');
  const env = { ...HERMETIC_ENV, TERM: 'xterm-256color', XDG_CONFIG_HOME: config };
  const vars = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  p.type(`env ${vars.join(' ')} ${shellQuote(process.execPath)} ${shellQuote(BIN)} start --builtin`);
  p.send('Enter');
  await p.until(/Choose a lesson[\s\S]*navigate • ⏎ select$/, 'the lesson menu');
  return { p, tutor: Number(execFileSync('pgrep', ['-P', String(p.pid())], { encoding: 'utf8' }).trim()) };
}

const escape = (s: string) => s.replace(/[$]/g, '\\$&');

/** Sends `signal` to the tutor, waits for the shell's next prompt, and looks at where it is. */
async function endWith(p: Pane, tutor: number, signal: NodeJS.Signals): Promise<void> {
  // The menu hid the cursor: what follows has something to undo.
  expect(p.cursor().shown).toBe(false);
  process.kill(tutor, signal);
  await p.until(new RegExp(`${escape(PROMPT)}[\\s\\S]*${escape(PROMPT)}$`), 'the shell prompt after the tutor');
  const lines = p.screen().split('\n');
  expect(lines.at(-1)).toBe(PROMPT);
  expect(lines.at(-2)).toMatch(/navigate • ⏎ select$/);
  expect(p.cursor()).toEqual({ shown: true, x: PROMPT.length + 1 });
}

it('SIGTERM at the lesson menu', async () => {
  const { p, tutor } = await startAtMenu();
  await endWith(p, tutor, 'SIGTERM');
});

it('SIGHUP at the Language menu', async () => {
  const { p, tutor } = await startAtMenu();
  // Up from the first lesson goes round to Quit, then to Language.
  p.send('Up', 'Up', 'Enter');
  await p.until(/Which language should the tutor speak\?[\s\S]*navigate • ⏎ select$/, 'the Language menu');
  await endWith(p, tutor, 'SIGHUP');
});
