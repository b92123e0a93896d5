import readline from 'node:readline';
import { reflow } from '../ui/prose.js';
import { theme } from '../ui/theme.js';
import { complete } from './complete.js';
import { HISTORY_SIZE, isSecret, loadHistory, saveHistoryLine } from './history.js';
import { hintsVisible, LineEditor } from './line-editor.js';
import { replMsg } from './messages.js';
import type { LineResult, Session } from './session.js';

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
  const editor = new LineEditor(rl, output, docs, history, hintsVisible(process.env.TERM));
  editor.install(input);
  // The answer is among the keys waiting while the line runs; those after it wait on.
  session.askWith(
    (question) =>
      new Promise((resolve) => {
        rl.question(theme.warn(question), (a) => {
          editor.hold();
          resolve(/^y(es)?$/i.test(a.trim()));
        });
        editor.release();
      }),
  );

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
    const empty = rl.line === '';
    editor.abandonLine('^C');
    // On an empty line, someone pressing Ctrl+C probably wants out: say how, once.
    if (empty && !toldHowToLeave) {
      toldHowToLeave = true;
      output.write(`${theme.dim(replMsg.howToLeave())}\n`);
    }
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
    // Keys typed or pasted while the line ran are applied only now, after its reply: a paste reads as typing.
    editor.release();
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
