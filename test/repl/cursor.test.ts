import readline from 'node:readline';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { advance } from '../../src/repl/cursor.js';

/** Where readline itself puts the cursor after `prompt` and `line`, on a terminal `columns` wide. */
function readlinePos(prompt: string, line: string, columns: number) {
  const output = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { columns, isTTY: true });
  const rl = readline.createInterface({ input: new PassThrough(), output, prompt, terminal: true });
  rl.write(line);
  const pos = rl.getCursorPos();
  rl.close();
  return pos;
}

const texts = ['set k v', 'x'.repeat(25), 'abcdefgh', 'set 이름 민수', '이름'.repeat(9), 'a\tb\tc', 'é ü ñ', 'smile 😀 ok', 'a'.repeat(8) + '이', 'a'.repeat(7) + '이름'];

describe('the cursor after a text, as readline reckons it', () => {
  test.each(texts)('%s, 10 columns, after a prompt', (text) => {
    expect(advance({ rows: 0, cols: 0 }, `> ${text}`, 10)).toEqual(readlinePos('> ', text, 10));
  });

  test.each(texts)('%s, written in pieces, lands where written at once', (text) => {
    const chars = [...text];
    let pos = advance({ rows: 0, cols: 0 }, '> ', 10);
    for (let i = 0; i < chars.length; i += 3) pos = advance(pos, chars.slice(i, i + 3).join(''), 10);
    expect(pos).toEqual(advance({ rows: 0, cols: 0 }, `> ${text}`, 10));
  });

  test('an unknown width (no terminal) never wraps', () => {
    expect(advance({ rows: 0, cols: 3 }, 'x'.repeat(500), Infinity)).toEqual({ rows: 0, cols: 503 });
  });
});
