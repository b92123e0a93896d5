import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, HERMETIC_ENV } from './bin.js';

/**
 * Drives the real bin in a real pseudo-terminal (a detached tmux session), as a learner would see it:
 * `type` sends keys, `screen` reads the rendered screen, `waitFor` polls it.
 */
export interface Terminal {
  /** Sends literal text (no Enter). */
  type(text: string): void;
  /** Sends tmux key names: 'Enter', 'Tab', 'C-c', 'C-d', 'Up', 'Down', 'BSpace'. */
  press(...keys: string[]): void;
  /** Pastes text as a terminal does: all of it written to the program at once, newlines as Enter (tmux paste-buffer). */
  paste(text: string): void;
  /** The visible screen, trailing blank lines removed. */
  screen(): string;
  /** The whole scrollback plus screen. */
  history(): string;
  /** The whole scrollback plus screen with its colours and attributes as escape sequences (capture-pane -e). */
  styled(): string;
  /** Polls the scrollback and screen until `pattern` appears; throws with the screen on timeout. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Polls the visible screen (not the scrollback) until `pattern` is there now; throws with the screen on timeout. */
  onScreen(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits for the program to end; returns its exit status. */
  waitForExit(timeoutMs?: number): Promise<number>;
  kill(): void;
}

let counter = 0;
/** A tmux server of this test process's own: the default one is shared with anything else on the machine. */
const SOCKET = ['-L', `rt-${process.pid}`];

/** The lesson's try prompt (`...[15]> `, A's or B's), waiting, empty, at the bottom of the screen. */
export const TRY_PROMPT = /\[15\]>\s*$/;

/** Types a line once the lesson's try prompt waits. */
export async function typeAtPrompt(t: Terminal, line: string): Promise<void> {
  await t.onScreen(TRY_PROMPT);
  t.type(line);
  t.press('Enter');
}

/** Types a line, presses Enter and waits until `expected` shows (in the scrollback too). */
export async function enterLine(t: Terminal, line: string, expected: string | RegExp): Promise<string> {
  t.type(line);
  t.press('Enter');
  return t.waitFor(expected);
}

/** The pause after a step a learner reads: "Press Enter to go on", waiting at the bottom of the screen. */
export const PAUSE = /Press Enter to go on \(or type a command, back, quit\)\s*$/;

/**
 * Opens a session on this process's tmux server. The server ends with its last session: a session opened
 * while it is shutting down fails ("server exited unexpectedly"), and is tried again on a new server.
 */
function newSession(args: string[]): void {
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('tmux', [...SOCKET, 'new-session', '-d', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/**
 * `redis-tutor lesson <id> --url <url>` in a config folder of its own under `configRoot`; with `at`, as a
 * learner who left at that step (a progress file says so, and the runner rebuilds that step's state).
 */
export function openLesson(configRoot: string, url: string, id: string, at?: string): Terminal {
  const home = path.join(configRoot, String(counter));
  if (at !== undefined) {
    mkdirSync(path.join(home, 'redis-tutor'), { recursive: true });
    const progress = { version: 1, welcomed: true, last: id, lessons: { [id]: { steps: {}, current: at, finished: false, seconds: 0 } } };
    writeFileSync(path.join(home, 'redis-tutor', 'progress.json'), JSON.stringify(progress));
  }
  return openTerminal(['lesson', id, '--url', url], { env: { XDG_CONFIG_HOME: home } });
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function openTerminal(args: string[], options: { env?: Record<string, string>; width?: number; height?: number; node?: string } = {}): Terminal {
  const name = `rt-${process.pid}-${counter++}`;
  const statusFile = `/tmp/${name}.status`;
  const env = { ...HERMETIC_ENV, TERM: 'xterm-256color', ...options.env };
  const envArgs = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
  // A status file left by an earlier process with the same pid would read as this one's exit.
  rmSync(statusFile, { force: true });
  const command = `env ${envArgs} ${shellQuote(options.node ?? process.execPath)} ${shellQuote(BIN)} ${args.map(shellQuote).join(' ')}; echo $? > ${statusFile}; sleep 600`;
  newSession(['-s', name, '-x', String(options.width ?? 100), '-y', String(options.height ?? 40), command]);
  const tmux = (...a: string[]) => execFileSync('tmux', [...SOCKET, ...a], { encoding: 'utf8' });
  const capture = (all: boolean) =>
    tmux('capture-pane', '-p', '-t', name, ...(all ? ['-S', '-'] : []))
      .replace(/\s+$/, '');
  /** Captures (the scrollback too with `all`) every `everyMs` until `pattern` is there. */
  const poll = async (all: boolean, pattern: string | RegExp, timeoutMs: number, everyMs: number): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = capture(all);
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(pattern)}. Screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  const terminal: Terminal = {
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
    press: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    paste(text) {
      const file = `/tmp/${name}.paste`;
      writeFileSync(file, text);
      tmux('load-buffer', '-b', name, file);
      tmux('paste-buffer', '-d', '-b', name, '-t', name);
      rmSync(file, { force: true });
    },
    screen: () => capture(false),
    history: () => capture(true),
    styled: () => tmux('capture-pane', '-p', '-e', '-t', name, '-S', '-'),
    waitFor: (pattern, timeoutMs = 10_000) => poll(true, pattern, timeoutMs, 50),
    onScreen: (pattern, timeoutMs = 10_000) => poll(false, pattern, timeoutMs, 25),
    async waitForExit(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const { readFileSync, existsSync } = await import('node:fs');
      for (;;) {
        if (existsSync(statusFile)) {
          const text = readFileSync(statusFile, 'utf8').trim();
          if (text !== '') {
            rmSync(statusFile, { force: true });
            return Number(text);
          }
        }
        if (Date.now() > deadline) throw new Error(`The program did not exit. Screen:\n${capture(true)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill() {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // Already gone.
      }
    },
  };
  return terminal;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
