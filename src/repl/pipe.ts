import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import type { LineResult, Session } from './session.js';

/** How many lines may be in flight before reading waits for replies (bounds memory on huge files). */
const WINDOW = 2048;
/** Output is written in blocks this big rather than line by line. */
const FLUSH_AT = 64 * 1024;

/**
 * Pipe mode: one command per line from `input`, replies on `out` in order, no prompt or colour; notes and
 * messages on `err`. Lines are pipelined: each is sent as soon as it is read, replies are awaited in order.
 */
export async function runPipe(session: Session, input: Readable, out: Writable, err: Writable): Promise<void> {
  const queue: Promise<LineResult>[] = [];
  let buffered = '';
  let quit = false;
  const flush = async () => {
    if (buffered === '') return;
    const text = buffered;
    buffered = '';
    if (!out.write(text, session.encoding)) await new Promise((r) => out.once('drain', r));
  };
  const take = async () => {
    const result = await (queue.shift() as Promise<LineResult>);
    buffered += result.out;
    if (result.note !== undefined || result.err !== undefined) {
      await flush();
      if (result.err !== undefined) err.write(`${result.err}\n`);
      if (result.note !== undefined) err.write(`${result.note}\n`);
    }
    if (result.quit) quit = true;
    if (buffered.length >= FLUSH_AT) await flush();
  };
  session.onPush((reply) => {
    // Pub/Sub messages arrive between replies; keep them in the stream in arrival order.
    buffered += session.formatPush(reply);
    if (queue.length === 0) void flush();
  });

  // Whole chunks are split and sent in one go, so a chunk's commands leave in one write. Lines end at \n,
  // as redis-cli reads them; a \r before it is whitespace to the argument splitter, as it is to redis-cli.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      queue.push(session.execute(line));
      // Past the window, wait until half of it is answered: the next half then goes out in one write.
      if (queue.length > WINDOW) while (queue.length > WINDOW / 2) await take();
      if (quit) break;
    }
    if (quit) break;
  }
  rest += decoder.end();
  if (rest !== '' && !quit) queue.push(session.execute(rest));
  while (queue.length > 0 && !quit) await take();
  await flush();
  if (session.subscribed && !quit) {
    // Like redis-cli: after SUBSCRIBE, keep printing messages until interrupted.
    await new Promise(() => undefined);
  }
}
