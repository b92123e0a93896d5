import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import type { LineResult, Session } from './session.js';

/** How many lines may be in flight before reading waits for replies (bounds memory on huge files). */
const WINDOW = 2048;
/** Output is written in blocks this big rather than line by line. */
const FLUSH_AT = 64 * 1024;

/**
 * Pipe mode: one command per line from `input`, replies on `out` in order, no prompt or colour; notes and
 * messages on `err`. Lines are pipelined: each is sent as soon as it is read, replies are printed in order.
 */
export async function runPipe(session: Session, input: Readable, out: Writable, err: Writable): Promise<void> {
  const queue: Promise<LineResult>[] = [];
  let buffered = '';
  let quit = false;
  let inputDone = false;
  /** Wakes the writer when a line is queued or the input ends. */
  let wakeWriter: (() => void) | undefined;
  /** Wakes the reader when the writer has answered half a window (or stopped). */
  let wakeReader: (() => void) | undefined;
  const flush = async () => {
    if (buffered === '') return;
    const text = buffered;
    buffered = '';
    if (!out.write(text, session.encoding)) await new Promise((r) => out.once('drain', r));
  };
  const releaseReader = () => {
    wakeReader?.();
    wakeReader = undefined;
  };
  session.onPush((reply) => {
    // Pub/Sub messages arrive between replies; keep them in the stream in arrival order.
    buffered += session.formatPush(reply);
    if (queue.length === 0) void flush();
  });

  // The writer prints replies in order while the reader goes on sending: output appears as soon as the
  // tutor has caught up with its input (as redis-cli's does), and in large blocks while it has not.
  const writer = (async () => {
    while (!quit) {
      if (queue.length === 0) {
        await flush();
        if (inputDone) break;
        await new Promise<void>((r) => (wakeWriter = r));
        continue;
      }
      const result = await (queue.shift() as Promise<LineResult>);
      buffered += result.out;
      if (result.note !== undefined || result.err !== undefined) {
        await flush();
        if (result.err !== undefined) err.write(`${result.err}\n`);
        if (result.note !== undefined) err.write(`${result.note}\n`);
      }
      if (result.quit) {
        quit = true;
        // Stop reading now, even if whatever feeds the pipe keeps it open.
        input.destroy();
      }
      if (buffered.length >= FLUSH_AT) await flush();
      if (queue.length <= WINDOW / 2 || quit) releaseReader();
    }
    releaseReader();
  })();
  const send = (line: string) => {
    queue.push(session.execute(line));
    wakeWriter?.();
    wakeWriter = undefined;
  };

  // Lines end at \n, as redis-cli reads them; a \r before it is whitespace to the argument splitter, as it
  // is to redis-cli. A chunk's lines are all sent before the writer runs, so they leave in one write.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of input) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        send(line);
        // Past the window, wait until half of it is answered: the next half then goes out in one write.
        if (queue.length > WINDOW) await new Promise<void>((r) => (wakeReader = r));
        if (quit) break;
      }
      if (quit) break;
    }
  } catch (err) {
    // Destroyed on QUIT: the end of reading, not an error.
    if (!quit) throw err;
  }
  rest += decoder.end();
  if (rest !== '' && !quit) send(rest);
  inputDone = true;
  wakeWriter?.();
  await writer;
  await flush();
  if (session.subscribed && !quit) {
    // Like redis-cli: after SUBSCRIBE, keep printing messages until interrupted.
    await new Promise(() => undefined);
  }
}
