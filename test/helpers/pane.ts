import { execFileSync } from 'node:child_process';

/**
 * A tmux pane running a shell command line of the test's own choosing (test/helpers/tty.ts runs the bin alone,
 * with a fixed environment): for a shell prompt after the tutor, an environment without NO_COLOR, the
 * cursor's state, or the escape sequences on the screen.
 */
export interface Pane {
  send(...keys: string[]): void;
  type(text: string): void;
  /** The visible screen, trailing blank lines removed; `escapes` keeps the colours as escape sequences. */
  screen(escapes?: boolean): string;
  /** Whether the cursor is shown, and its column. */
  cursor(): { shown: boolean; x: number };
  /** The pid of the pane's first process. */
  pid(): number;
  until(pattern: RegExp, what: string, timeoutMs?: number): Promise<string>;
  kill(): void;
}

let counter = 0;

export function openPane(command: string, size = { width: 110, height: 40 }): Pane {
  const socket = ['-L', `rt-pane-${process.pid}-${counter++}`];
  const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'pane', '-x', String(size.width), '-y', String(size.height), command);
  const screen = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'pane').replace(/\s+$/, '');
  return {
    send: (...keys) => void tmux('send-keys', '-t', 'pane', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'pane', '-l', text),
    screen,
    cursor() {
      const [shown, x] = tmux('display', '-p', '-t', 'pane', '#{cursor_flag} #{cursor_x}').trim().split(' ');
      return { shown: shown === '1', x: Number(x) };
    },
    pid: () => Number(tmux('display', '-p', '-t', 'pane', '#{pane_pid}').trim()),
    async until(pattern, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = screen();
        if (pattern.test(now)) return now;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Screen:\n${now}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill() {
      try {
        tmux('kill-server');
      } catch {
        // Already gone.
      }
    },
  };
}

/** Quotes for a POSIX shell. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
