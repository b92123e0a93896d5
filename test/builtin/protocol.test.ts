import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { RawConnection } from './harness/connection.js';

// Malformed and unusual input, sent byte for byte to a real redis-server and to the engine: the bytes
// that come back and whether the connection is closed must be the same, and the engine must go on
// serving other clients.

const servers = useRedisAndEngine();

/** Sends the chunks (with a pause between them), then reports what came back and whether it closed. */
async function exchange(port: number, chunks: (string | Buffer)[], settleMs = 250): Promise<{ bytes: string; closed: boolean }> {
  const conn = await RawConnection.open(port);
  for (const chunk of chunks) {
    conn.writeRaw(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
    await new Promise((r) => setTimeout(r, 30));
  }
  const closed = await conn.waitClosed(settleMs);
  const bytes = conn.drainRaw();
  conn.close();
  return { bytes, closed };
}

async function engineStillServes(): Promise<void> {
  const conn = await RawConnection.open(servers.enginePort);
  conn.writeRaw('*1\r\n$4\r\nPING\r\n');
  expect(await conn.read()).toEqual({ t: '+', v: 'PONG' });
  conn.close();
}

const cases: Array<[string, (string | Buffer)[]]> = [
  ['a multibulk length that is not a number', ['*abc\r\n']],
  ['a negative multibulk length (ignored)', ['*-1\r\n*1\r\n$4\r\nPING\r\n']],
  ['a zero multibulk length (ignored)', ['*0\r\n*1\r\n$4\r\nPING\r\n']],
  ['a multibulk length beyond 2^31', ['*3000000000\r\n']],
  ['a multibulk length with a plus sign', ['*+1\r\n$4\r\nPING\r\n']],
  ['a multibulk length with a leading zero', ['*01\r\n$4\r\nPING\r\n']],
  ['a bulk without its dollar', ['*1\r\nx\r\n']],
  ['a bulk length that is not a number', ['*1\r\n$abc\r\n']],
  ['a negative bulk length', ['*1\r\n$-1\r\n']],
  ['a declared 1 GB bulk', ['*1\r\n$1073741824\r\n']],
  ['a bulk of exactly 512 MB declared, then disconnect', ['*2\r\n$3\r\nSET\r\n$536870912\r\nabc']],
  ['a bulk not followed by CRLF (Redis skips two bytes unchecked)', ['*1\r\n$4\r\nPINGxx*1\r\n$4\r\nping\r\n']],
  ['replies before the error are kept', ['PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n$-5\r\nPING\r\n']],
  ['a command split across packets', ['*2\r\n$4\r\nEC', 'HO\r\n$5\r\nhel', 'lo\r\n']],
  ['a command split inside the length line', ['*1\r', '\n$4\r\nPING\r\n']],
  ['inline commands', ['PING\r\nECHO hello\r\nset k "a b"\nget k\r\n']],
  ['inline with escapes', ['ECHO "a\\x41\\n\\tb"\r\nECHO \'it\\\'s\'\r\n']],
  ['inline unbalanced double quote', ['set a "b\r\n']],
  ['inline unbalanced single quote', ["set a 'b\r\n"]],
  ['inline closing quote followed by text', ['ECHO "a"b\r\n']],
  ['inline empty lines are skipped', ['\r\n\n   \r\nPING\r\n']],
  ['inline quotes inside a word', ['ECHO ab"c d"e\r\n']],
  ['inline line split across packets', ['ECH', 'O split\r\n']],
  ['inline line with a NUL byte (Redis waits for a line end it never sees)', ['PING\r\nECHO a\x00b c\r\nPING\r\n']],
  ['a NUL byte in a multibulk count line', ['PING\r\n*1\x00\r\n$4\r\nPING\r\n']],
  ['a NUL byte inside a bulk is data', ['*2\r\n$4\r\nECHO\r\n$3\r\na\x00b\r\n']],
  ['garbage bytes as an inline command', [Buffer.from([0x01, 0x02, 0xff, 0x20, 0x41, 0x0d, 0x0a])]],
  ['an inline request over 64 KB without a newline', ['x'.repeat(70 * 1024)]],
  ['a multibulk count line over 64 KB', ['*' + '1'.repeat(70 * 1024)]],
  ['a bulk count line over 64 KB', ['*1\r\n$' + '1'.repeat(70 * 1024)]],
  ['a large value in many packets', ['*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000\r\n', 'a'.repeat(40000), 'a'.repeat(60000) + '\r\n*2\r\n$6\r\nSTRLEN\r\n$1\r\nk\r\n']],
  ['QUIT in a pipeline stops what follows', ['*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n']],
  ['inline QUIT', ['quit\r\nping\r\n']],
  // Plain words (no quotes) take the parser's fast path: a word ends at space, tab, CR or LF only.
  ['inline words split on tabs and a CR, a vertical tab and backslashes kept', ['ECHO\ta\\b\\\r\nECHO  x\x0by\f \r\nECHO a\rb\r\n \t PING \t \r\nset k\tv\r\nget\tk\r\n']],
  ['inline names repeated and changed', ['ECHO a\r\nECHO b\r\nEcho c\r\nECHOX d\r\necho e\r\n' + 'P'.repeat(70) + ' f\r\nECHO g\r\n']],
];

describe('protocol: the engine answers malformed input as Redis does', () => {
  for (const [title, chunks] of cases) {
    it(title, async () => {
      const [expected, actual] = await Promise.all([exchange(servers.redisPort, chunks), exchange(servers.enginePort, chunks)]);
      expect(actual).toEqual(expected);
      await engineStillServes();
    });
  }

  it('keeps serving others while a client disconnects mid-command', async () => {
    const other = await RawConnection.open(servers.enginePort);
    const quitter = await RawConnection.open(servers.enginePort);
    quitter.writeRaw('*3\r\n$3\r\nSET\r\n$4\r\nhalf\r\n$10\r\nabc');
    await new Promise((r) => setTimeout(r, 30));
    quitter.close();
    other.writeRaw('*2\r\n$6\r\nEXISTS\r\n$4\r\nhalf\r\n');
    expect(await other.read()).toEqual({ t: ':', v: '0' });
    other.close();
  });

  it('forgets a blocked client that disconnects: the next push stays in the list', async () => {
    const waiter = await RawConnection.open(servers.enginePort);
    waiter.writeRaw('*3\r\n$5\r\nBLPOP\r\n$5\r\ngone-q\r\n$1\r\n0\r\n');
    await new Promise((r) => setTimeout(r, 30));
    waiter.close();
    await new Promise((r) => setTimeout(r, 30));
    const other = await RawConnection.open(servers.enginePort);
    other.writeRaw('*3\r\n$5\r\nRPUSH\r\n$6\r\ngone-q\r\n$1\r\nx\r\n*2\r\n$4\r\nLLEN\r\n$6\r\ngone-q\r\n');
    expect(await other.read()).toEqual({ t: ':', v: '1' });
    expect(await other.read()).toEqual({ t: ':', v: '1' });
    other.close();
  });

  it('does not reserve memory for a declared bulk before it arrives', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const conns = await Promise.all(Array.from({ length: 8 }, () => RawConnection.open(servers.enginePort)));
    for (const c of conns) c.writeRaw('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$500000000\r\nabc');
    await new Promise((r) => setTimeout(r, 100));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
    for (const c of conns) c.close();
    await engineStillServes();
  });

  it('switches a connection to RESP3 with HELLO 3 and back with HELLO 2', async () => {
    const conn = await RawConnection.open(servers.enginePort);
    conn.writeRaw('*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n*2\r\n$3\r\nGET\r\n$7\r\nmissing\r\n');
    expect((await conn.read())?.t).toBe('%');
    expect(await conn.read()).toEqual({ t: '_', v: null });
    conn.writeRaw('*2\r\n$5\r\nHELLO\r\n$1\r\n2\r\n*2\r\n$3\r\nGET\r\n$7\r\nmissing\r\n');
    expect((await conn.read())?.t).toBe('*');
    expect(await conn.read()).toEqual({ t: '$', v: null });
    conn.close();
  });
});
