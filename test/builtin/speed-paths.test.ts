import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { RawConnection } from './harness/connection.js';

// The engine's fast paths (issue 14, speed), sent byte for byte to a real redis-server and to the engine:
// the request parser hands out the last command name's Buffer again when the next name has the same
// bytes, and the command table answers that same Buffer with the command it found last; so names that
// differ in one byte, in case only, or arrive split across packets must each still be read as sent (the
// unknown-command error quotes the name as typed) and run their own command.

const servers = useRedisAndEngine();

async function exchange(port: number, chunks: string[]): Promise<string> {
  const conn = await RawConnection.open(port);
  for (const chunk of chunks) {
    conn.writeRaw(Buffer.from(chunk, 'latin1'));
    await new Promise((r) => setTimeout(r, 30));
  }
  await conn.waitClosed(200);
  const bytes = conn.drainRaw();
  conn.close();
  return bytes;
}

const name = (n: string, ...rest: string[]): string => `*${1 + rest.length}\r\n$${n.length}\r\n${n}\r\n` + rest.map((a) => `$${a.length}\r\n${a}\r\n`).join('');

const cases: Array<[string, string[]]> = [
  ['unknown names of one length, one byte apart and in another case', [name('FOOO') + name('FOOX') + name('fOOO') + name('FOOO', 'a') + name('FOOX')]],
  ['the same name in three cases, then another name', [name('ECHO', 'a') + name('echo', 'b') + name('EcHo', 'c') + name('PING') + name('ECHO', 'd')]],
  ['a name split across packets after the same name whole', [name('BLAH') + name('BLAH') + '*1\r\n$4\r\nBL', 'AX\r\n' + name('BLAH')]],
  ['a name whose bytes equal the last one but longer or shorter', [name('ABCD') + name('ABCDE') + name('ABC') + name('ABCD')]],
  ['names with bytes above 127 and a NUL', [name('\xe9\x00x') + name('\xe9\x00y') + name('\xe9\x00x')]],
];

describe('speed paths: command names read as sent', () => {
  for (const [title, chunks] of cases) {
    it(title, async () => {
      const [expected, actual] = await Promise.all([exchange(servers.redisPort, chunks), exchange(servers.enginePort, chunks)]);
      expect(actual).toEqual(expected);
      expect(actual.length).toBeGreaterThan(0);
    });
  }
});

// INFO's keyspace_hits and keyspace_misses: a read-only command's keys are counted after it ran, from the
// key strings its handler made (toBytes keeps the last), so reads of present, missing, expired and wrong-type keys,
// repeated keys and keys named twice in one pipeline must count as Redis counts them.
async function hitsAndMisses(port: number): Promise<string> {
  const conn = await RawConnection.open(port);
  const run = async (...args: string[]) => {
    conn.send(args.map((a) => Buffer.from(a, 'latin1')));
    return conn.read();
  };
  await run('FLUSHALL');
  await run('CONFIG', 'RESETSTAT');
  await run('SET', 'k', 'v');
  await run('SET', 'gone', 'v', 'PX', '1');
  await run('HSET', 'h', 'f', 'v');
  await run('RPUSH', 'l', 'a');
  await new Promise((r) => setTimeout(r, 20));
  conn.writeRaw(name('GET', 'k') + name('GET', 'k') + name('GET', 'missing') + name('GET', 'gone') + name('GET', 'h'));
  for (let i = 0; i < 5; i++) await conn.read();
  for (const args of [['MGET', 'k', 'missing', 'k', 'h'], ['HGET', 'h', 'f'], ['HGET', 'k', 'f'], ['LRANGE', 'l', '0', '-1'], ['EXISTS', 'k', 'missing'], ['STRLEN', 'k'], ['TYPE', 'k'], ['GET', 'k']]) await run(...args);
  await run('SET', 'later', 'v', 'PX', '1');
  await new Promise((r) => setTimeout(r, 20));
  await run('GET', 'later');
  const info = await run('INFO', 'stats');
  conn.close();
  const text = info !== undefined && 'v' in info ? String(info.v) : '';
  return text.split('\r\n').filter((line) => /^keyspace_(hits|misses):/.test(line)).join(' ');
}

describe('speed paths: INFO keyspace hits and misses', () => {
  it('counts reads as Redis does', async () => {
    const [expected, actual] = await Promise.all([hitsAndMisses(servers.redisPort), hitsAndMisses(servers.enginePort)]);
    expect(expected).toMatch(/keyspace_hits:\d+ keyspace_misses:\d+/);
    expect(actual).toEqual(expected);
  });
});

