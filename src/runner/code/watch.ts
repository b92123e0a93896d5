import { watch, type FSWatcher } from 'node:fs';
import { readProgram } from './workspace.js';

/** Editors save in bursts (a temp file, a rename, a second write): one run per burst. */
const SETTLE_MS = 150;

/**
 * Watches the learner's file while a code step waits at its prompt (`watch`): `next()` resolves after the
 * file is saved with content other than what was last run. Closed when the step ends or watching stops.
 */
export class ProgramWatch {
  private readonly watcher: FSWatcher;
  private waiting: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private changed = false;
  private last: string | undefined;

  constructor(private readonly dir: string, private readonly file: string) {
    this.last = readProgram(dir, file);
    // The folder, not the file: an editor that saves by renaming a new file into place replaces the inode.
    this.watcher = watch(dir, (_event, name) => {
      if (name !== null && name.toString() !== file) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.settle(), SETTLE_MS);
    });
    this.watcher.on('error', () => this.close());
  }

  /** Resolves at the next save that changed the file. */
  next(): Promise<void> {
    if (this.changed) {
      this.changed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher.close();
    this.waiting = undefined;
  }

  private settle(): void {
    const now = readProgram(this.dir, this.file);
    if (now === undefined || now === this.last) return;
    this.last = now;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting();
    else this.changed = true;
  }
}
