import readline from 'node:readline';
import { reflow } from '../ui/prose.js';
import { theme } from '../ui/theme.js';
import { displayWidth } from '../ui/width.js';
import { complete } from './complete.js';
import type { DocsIndex } from './docs/index.js';
import { hintFor } from './hint.js';
import { HISTORY_SIZE, isSecret, loadHistory, saveHistoryLine } from './history.js';
import { replMsg } from './messages.js';
import { backspace, matchOf, older, startSearch, typeChar, type SearchState } from './search.js';
import type { LineResult, Session } from './session.js';

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  sequence?: string;
}
type KeyListener = (s: string | undefined, key: Key | undefined) => void;

/** The interactive REPL: readline with history, Tab completion, grey hints, Ctrl+R search and the coach. */
export async function runInteractive(session: Session, io: { input: NodeJS.ReadStream; output: NodeJS.WriteStream; historyPath: string }): Promise<void> {
  const { input, output } = io;
  const docs = await session.docs();
  const rl = readline.createInterface({
    input,
    output,
    prompt: session.prompt(),
    terminal: true,
    history: loadHistory(io.historyPath),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string, callback: (err: Error | null, result: [string[], string]) => void) => {
      complete(docs, session.client, line, !session.inMulti && !session.subscribed).then((r) => callback(null, r), (e: Error) => callback(e, [[], line]));
    },
  });
  const history = (rl as unknown as { history: string[] }).history;
  session.askWith((question) => new Promise((resolve) => rl.question(theme.warn(question), (a) => resolve(/^y(es)?$/i.test(a.trim())))));
  const editor = new LineEditor(rl, output, docs, history);
  editor.install(input);

  // Something arrived while the learner is typing: print it above the prompt, then redraw the prompt.
  const announce = (text: string, encoding: BufferEncoding = 'utf8') => {
    readline.clearLine(output, 0);
    readline.cursorTo(output, 0);
    output.write(text, encoding);
    rl.setPrompt(session.prompt());
    rl.prompt(true);
  };
  session.onPush((reply) => announce(session.formatPush(reply), session.encoding));
  session.onLost((message) => announce(`${theme.warn(message)}\n`));

  let toldHowToLeave = false;
  let running = false;
  rl.on('SIGINT', () => {
    if (editor.searching) return editor.cancelSearch();
    if (running && !session.subscribed) return session.interrupt();
    if (session.subscribed) {
      // Ctrl+C leaves subscribed mode, as it leaves redis-cli's subscribe loop.
      output.write('\n');
      // SUNSUBSCRIBE too (Redis 7): shard channels are counted apart, and would keep the connection listening.
      void Promise.all(['UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE'].map((c) => session.execute(c))).then(() => {
        rl.setPrompt(session.prompt());
        rl.prompt();
      });
      return;
    }
    const empty = (rl as unknown as { line: string }).line === '';
    output.write('^C\n');
    // On an empty line, someone pressing Ctrl+C probably wants out: say how, once.
    if (empty && !toldHowToLeave) {
      toldHowToLeave = true;
      output.write(`${theme.dim(replMsg.howToLeave())}\n`);
    }
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    rl.prompt();
  });

  rl.prompt();
  for await (const line of rl) {
    if (isSecret(line)) history.shift();
    else saveHistoryLine(io.historyPath, line);
    running = true;
    const result = await session.execute(line).finally(() => (running = false));
    print(output, result, session.encoding);
    if (result.clear) output.write('\x1b[H\x1b[2J');
    if (result.quit) break;
    if (session.subscribed && /^\s*[ps]?subscribe\b/i.test(line)) output.write(`${theme.dim(replMsg.subscribedHint())}\n`);
    rl.setPrompt(session.prompt());
    rl.prompt();
  }
  rl.close();
}

function print(output: NodeJS.WriteStream, result: LineResult, encoding: BufferEncoding): void {
  // An error reply stands out in red (plain under NO_COLOR, where it reads exactly as redis-cli's).
  const isError = result.out.startsWith('(error) ') && encoding === 'utf8';
  output.write(isError ? `${theme.error(result.out.trimEnd())}\n` : result.out, encoding);
  // Messages and notes are wrapped at word boundaries to the terminal, not cut mid-word by it.
  if (result.err !== undefined) output.write(`${theme.warn(reflow(result.err, (output.columns || 80) - 1))}\n`);
  if (result.note !== undefined) output.write(`${theme.dim(reflow(`» ${result.note}`, (output.columns || 80) - 1))}\n`);
}

/**
 * Wraps readline's key handling: clears and redraws the grey hint around each key, and runs Ctrl+R search.
 * It sits in front of readline's own keypress listener rather than patching readline's internals.
 */
class LineEditor {
  private hintShown = false;
  private search: SearchState | undefined;

  constructor(
    private readonly rl: readline.Interface,
    private readonly output: NodeJS.WriteStream,
    private readonly docs: DocsIndex,
    private readonly history: string[],
  ) {}

  get searching(): boolean {
    return this.search !== undefined;
  }

  install(input: NodeJS.ReadStream): void {
    const theirs = input.listeners('keypress') as KeyListener[];
    input.removeAllListeners('keypress');
    input.on('keypress', (s: string | undefined, key: Key | undefined) => {
      if (this.onKey(s, key)) return;
      this.clearHint();
      for (const listener of theirs) listener.call(input, s, key);
      if (key?.name !== 'return' && key?.name !== 'enter') setImmediate(() => this.drawHint());
    });
  }

  cancelSearch(): void {
    this.search = undefined;
    this.redraw('');
  }

  /** Returns true when the key was used by the search. */
  private onKey(s: string | undefined, key: Key | undefined): boolean {
    if (key?.ctrl && key.name === 'r') {
      this.clearHint();
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
    const rl = this.rl as readline.Interface & { cursor: number; line: string };
    if (this.search !== undefined || rl.cursor !== rl.line.length || rl.line.trim() === '') return;
    // In columns, not characters: a Korean character takes two, and a hint that overflows the line wraps
    // onto the next one, where clearing it later cannot reach.
    const room = (this.output.columns || 80) - displayWidth(rl.getPrompt()) - displayWidth(rl.line) - 1;
    let hint = hintFor(this.docs, rl.line);
    if (room <= 3 || hint === '') return;
    if (hint.length > room) hint = `${hint.slice(0, room - 1)}…`;
    this.output.write(`\x1b7${theme.dim(hint)}\x1b8`);
    this.hintShown = true;
  }
}
