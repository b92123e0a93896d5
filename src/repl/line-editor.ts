import readline from 'node:readline';
import { theme } from '../ui/theme.js';
import { displayWidth } from '../ui/width.js';
import { advance, type CursorPos } from './cursor.js';
import type { DocsIndex } from './docs/index.js';
import { hintFor } from './hint.js';
import { replMsg } from './messages.js';
import { backspace, matchOf, older, startSearch, typeChar, type SearchState } from './search.js';

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  sequence?: string;
}
type KeyListener = (s: string | undefined, key: Key | undefined) => void;

/**
 * readline's Interface with the editing state it keeps in plain fields: the line, the cursor in it, the row
 * the cursor is on (which its redraw climbs back from), and whether this key ends the chunk that brought it.
 */
type Editing = readline.Interface & { line: string; cursor: number; prevRows: number; isCompletionEnabled: boolean; tabSize?: number };

/**
 * Whether the grey hint can be told from typed text: not where colour is off (NO_COLOR, FORCE_COLOR=0, a
 * terminal without colour), where it would be drawn as plain text, nor on a dumb terminal.
 */
export function hintsVisible(term: string | undefined, dim: (s: string) => string = theme.dim): boolean {
  return term !== 'dumb' && dim('x') !== 'x';
}

const isCtrlC = (key: Key | undefined) => key?.ctrl === true && key.name === 'c';

/**
 * A key that readline would only insert into the line. A tab is text in the middle of a paste (readline
 * inserts it too), and a key that asks for completion when it ends what arrived.
 */
function isText(s: string | undefined, key: Key | undefined, endsChunk: boolean): s is string {
  if (s === undefined || s === '' || key?.ctrl === true || key?.meta === true) return false;
  if (key?.name === 'tab') return !endsChunk;
  const code = s.charCodeAt(0);
  return s.length > 1 || (code >= 0x20 && code !== 0x7f);
}

/**
 * Sits in front of readline's own keypress listener (rather than patching readline): draws the grey hint,
 * runs Ctrl+R search, and makes input cost linear.
 *
 * Keys that arrive together (a paste, or fast typing) are one burst. Readline, left alone, inserts a burst's
 * text at the end of the line whatever the cursor (Left Left X Y gave "iYjX") and measures the whole line at
 * every chunk, and the hint was measured at every key: a long paste took minutes. Here a burst's text is
 * gathered, put in at the cursor in one piece, written once, and the cursor's row worked out from the text
 * alone; the hint is drawn once, when the burst is over.
 *
 * Once a line is sent, keys wait until its reply is printed and the prompt is back (`release`), so that a
 * pasted block reads as if typed line by line. Ctrl+C never waits: it drops what waits, as a terminal does.
 */
export class LineEditor {
  private hintShown = false;
  private search: SearchState | undefined;
  private theirs: KeyListener = () => undefined;
  /** This burst's text, not yet in readline's line. */
  private pending: string[] = [];
  private inBurst = false;
  private held = false;
  private queue: Array<[string | undefined, Key | undefined]> = [];
  private previousName: string | undefined;
  /** The cursor's position the last time it was worked out, and for which state: measuring it anew costs the whole line. */
  private known: { line: string; cursor: number; prompt: string; columns: number; pos: CursorPos } | undefined;

  constructor(
    private readonly rl: readline.Interface,
    private readonly output: NodeJS.WriteStream,
    private readonly docs: DocsIndex,
    private readonly history: string[],
    private readonly hints: boolean,
  ) {
    rl.on('line', () => (this.held = true));
  }

  get searching(): boolean {
    return this.search !== undefined;
  }

  install(input: NodeJS.ReadStream): void {
    const theirs = input.listeners('keypress') as KeyListener[];
    input.removeAllListeners('keypress');
    this.theirs = (s, key) => {
      for (const listener of theirs) listener.call(input, s, key);
    };
    input.on('keypress', (s: string | undefined, key: Key | undefined) => {
      // A pasted "\r\n" comes as return then enter; readline drops such an enter only if it comes within
      // 100 ms, and one that waited in the queue would come later and send an empty line.
      const crlf = key?.name === 'enter' && this.previousName === 'return';
      this.previousName = key?.name;
      if (crlf) return;
      if (this.held && !isCtrlC(key)) {
        this.queue.push([s, key]);
        return;
      }
      if (this.held) this.queue = [];
      this.receive(s, key, (this.rl as Editing).isCompletionEnabled, !this.inBurst);
    });
  }

  /** A question is asked while a line runs (the y/N before a dangerous command): its answer is among the waiting keys. */
  release(): void {
    this.held = false;
    const waiting = this.queue;
    this.queue = [];
    let i = 0;
    for (; i < waiting.length && !this.held; i++) {
      const [s, key] = waiting[i] as [string | undefined, Key | undefined];
      this.receive(s, key, i === waiting.length - 1, false);
    }
    this.queue = waiting.slice(i);
  }

  /** Keys wait again (the question was answered; the line goes on running). */
  hold(): void {
    this.held = true;
  }

  cancelSearch(): void {
    this.search = undefined;
    this.redraw('');
  }

  /**
   * Ctrl+C on a line being edited: `mark` after its end, and a new empty line. Readline's own Ctrl+U would
   * redraw from the row the cursor was on, over the lines below it, when the line wrapped.
   */
  abandonLine(mark: string): void {
    const rl = this.rl as Editing;
    rl.write(null, { ctrl: true, name: 'e' });
    this.output.write(`${mark}\n`);
    rl.line = '';
    rl.cursor = 0;
    rl.prevRows = 0;
  }

  /** One key; `endsChunk` when nothing came with it after it, `alone` when nothing came before it either. */
  private receive(s: string | undefined, key: Key | undefined, endsChunk: boolean, alone: boolean): void {
    this.startBurst();
    // A key typed on its own goes to readline as ever (its undo, its double Tab); only bursts are gathered.
    if (this.search === undefined && !(alone && endsChunk) && isText(s, key, endsChunk)) {
      this.pending.push(s);
      return;
    }
    this.flushText();
    if (this.onKey(s, key)) return;
    this.theirs(s, key);
  }

  private startBurst(): void {
    if (this.inBurst) return;
    this.inBurst = true;
    this.clearHint();
    // After the I/O at hand: the chunks a paste comes in that are read together make one burst.
    setImmediate(() => {
      this.inBurst = false;
      this.flushText();
      this.drawHint();
    });
  }

  /** Puts the burst's text into readline's line at the cursor and draws it. */
  private flushText(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    const rl = this.rl as Editing;
    if (rl.cursor < rl.line.length) {
      // Inside the line: what follows moves, so readline redraws the line, once for the burst.
      rl.line = rl.line.slice(0, rl.cursor) + text + rl.line.slice(rl.cursor);
      rl.cursor += text.length;
      rl.prompt(true);
      return;
    }
    const from = this.cursorPos();
    const columns = this.columns();
    const to = advance(from, text, columns, rl.tabSize);
    rl.line += text;
    rl.cursor = rl.line.length;
    this.output.write(text);
    // A row filled to its last column leaves the terminal's cursor on it; readline's redraw moves it to the
    // next row's start, where it counts it, the same way.
    if (to.cols === 0 && to.rows > from.rows) {
      this.output.write(' ');
      readline.cursorTo(this.output, 0);
    }
    rl.prevRows = to.rows;
    this.known = { line: rl.line, cursor: rl.cursor, prompt: rl.getPrompt(), columns, pos: to };
  }

  private cursorPos(): CursorPos {
    const rl = this.rl as Editing;
    const k = this.known;
    if (k !== undefined && k.cursor === rl.cursor && k.columns === this.columns() && k.prompt === rl.getPrompt() && k.line === rl.line) return k.pos;
    return rl.getCursorPos();
  }

  /** The width readline wraps at. */
  private columns(): number {
    return this.output.columns || Infinity;
  }

  /** Returns true when the key was used by the search. */
  private onKey(s: string | undefined, key: Key | undefined): boolean {
    if (key?.ctrl && key.name === 'r') {
      this.search = this.search === undefined ? startSearch() : older(this.search, this.history);
      this.drawSearch();
      return true;
    }
    if (this.search === undefined) return false;
    if (key?.ctrl && key.name === 'c') return false; // readline turns it into SIGINT, which cancels
    if (key?.name === 'backspace') {
      this.search = backspace(this.search, this.history);
      this.drawSearch();
      return true;
    }
    if (key?.name === 'return' || key?.name === 'enter' || key?.name === 'escape' || key?.ctrl || key?.meta || key?.name === 'left' || key?.name === 'right') {
      const found = matchOf(this.search, this.history);
      this.search = undefined;
      this.redraw(found);
      return key?.name === 'escape';
    }
    if (s !== undefined && s.length > 0 && !/[\x00-\x1f]/.test(s)) {
      this.search = typeChar(this.search, this.history, s);
      this.drawSearch();
    }
    return true;
  }

  private drawSearch(): void {
    const state = this.search as SearchState;
    readline.clearLine(this.output, 0);
    readline.cursorTo(this.output, 0);
    this.output.write(replMsg.searchPrompt(state.query, matchOf(state, this.history)));
  }

  /** Puts `text` in readline's line (through its own keys), so that Enter runs it. */
  private redraw(text: string): void {
    readline.clearLine(this.output, 0);
    readline.cursorTo(this.output, 0);
    this.rl.write(null, { ctrl: true, name: 'e' });
    this.rl.write(null, { ctrl: true, name: 'u' });
    this.rl.prompt(true);
    if (text !== '') this.rl.write(text);
  }

  private clearHint(): void {
    if (this.hintShown) this.output.write('\x1b[0K');
    this.hintShown = false;
  }

  private drawHint(): void {
    const rl = this.rl as Editing;
    if (!this.hints || this.held || this.search !== undefined || rl.cursor !== rl.line.length) return;
    // Only a line that fits on its row gets a hint (one that overflows would wrap onto the next row, where
    // clearing it later cannot reach), so a long line is not measured at all.
    const columns = this.output.columns || 80;
    if (rl.line.length >= columns || rl.line.trim() === '') return;
    // In columns, not characters: a Korean character takes two.
    const room = columns - displayWidth(rl.getPrompt()) - displayWidth(rl.line) - 1;
    let hint = hintFor(this.docs, rl.line);
    if (room <= 3 || hint === '') return;
    if (hint.length > room) hint = `${hint.slice(0, room - 1)}…`;
    this.output.write(`\x1b7${theme.dim(hint)}\x1b8`);
    this.hintShown = true;
  }
}
