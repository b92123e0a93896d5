import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitArgs } from '../../src/repl/parse.js';
import { escapeText, nameArgument, quote, quoteName } from '../../src/ui/escape.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/** Names that must never reach the terminal raw: every control byte redis-cli names, others, and bad UTF-8. */
const HOSTILE: [string, Buffer][] = [
  ['an SGR colour', Buffer.from('\x1b[31mred')],
  ['cursor movement and erase', Buffer.from('a\x1b[2J\x1b[Hb')],
  ['an OSC title', Buffer.from('\x1b]0;owned\x07x')],
  ['the named escapes', Buffer.from('a\n\r\t\x07\x08"\\z')],
  ['NUL, DEL and other C0 bytes', Buffer.from([0x00, 0x01, 0x1f, 0x7f, 0x41])],
  ['invalid UTF-8 and a C1 CSI byte', Buffer.from([0x9b, 0x33, 0x31, 0x6d, 0xff, 0xc3])],
  ['plain ASCII', Buffer.from('user:1 name')],
];

describe('quoteName: a name as redis-cli --no-raw prints a bulk string', () => {
  let server: TestRedis;
  let client: Redis;
  beforeAll(async () => {
    server = await startRedis();
    client = new Redis({ port: server.port, lazyConnect: true });
    await client.connect();
  });
  afterAll(async () => {
    client.disconnect();
    await server.stop();
  });

  it.each(HOSTILE)('%s: the same text as redis-cli, with no control byte left', async (_name, bytes) => {
    await client.set('value', bytes);
    // The oracle: the real redis-cli, asked for the value in its human (TTY) format.
    const cli = execFileSync('redis-cli', ['-p', String(server.port), '--no-raw', 'GET', 'value'], { encoding: 'latin1' }).trimEnd();
    expect(quote(bytes)).toBe(cli);
    expect(quoteName(bytes)).toBe(cli);
    // eslint-disable-next-line no-control-regex
    expect(quoteName(bytes)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });

  it('keeps valid UTF-8 readable, as the REPL does (redis-cli would print \\xNN bytes)', () => {
    expect(quoteName('사용자:1')).toBe('"사용자:1"');
    expect(quoteName('\u202Eevil')).toBe('"\\xe2\\x80\\xaeevil"');
  });
});

describe('escapeText: a server message with its control bytes escaped, no quotes added', () => {
  it.each([
    ["ERR unknown command 'x\x1b[31mfoo'", "ERR unknown command 'x\\x1b[31mfoo'"],
    ['WRONGPASS "quoted" \\ kept', 'WRONGPASS "quoted" \\ kept'],
    ['two\nlines', 'two\\nlines'],
    ['서버 오류', '서버 오류'],
  ])('%j → %j', (text, shown) => expect(escapeText(text)).toBe(shown));
});

describe('nameArgument: a name to type at the prompt', () => {
  it.each([
    ['chat', 'chat'],
    ['user:1:name', 'user:1:name'],
    ['사용자:1', '사용자:1'],
    ['a b', '"a b"'],
    ["it's", '"it\'s"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['', '""'],
    ['\x1b[31mred', '"\\x1b[31mred"'],
  ])('%j → %s, which the REPL reads back as the same name', (name, typed) => {
    expect(nameArgument(name)).toBe(typed);
    expect(splitArgs(`GET ${typed}`)?.[1]?.toString('utf8')).toBe(name);
  });

  it('quotes bytes that are not UTF-8, as a reply shows them', () => {
    expect(nameArgument(Buffer.from([0x6b, 0xff]))).toBe('"k\\xff"');
    expect(splitArgs('GET "k\\xff"')?.[1]).toEqual(Buffer.from([0x6b, 0xff]));
  });
});
