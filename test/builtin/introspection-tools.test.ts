import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RawConnection } from './harness/connection.js';
import type { Reply } from './harness/resp.js';
import { useRedisAndEngine } from './harness/servers.js';

// What the corpus cannot show (it has no timing control and one reply per command): lazy expiry's
// `expired` event, MONITOR's stream, and redis-cli's --stat, --bigkeys and --memkeys, each run on a
// real redis-server and on the engine, compared.
const servers = useRedisAndEngine();
const run = promisify(execFile);
const b = (...words: string[]): Buffer[] => words.map((w) => Buffer.from(w, 'latin1'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function command(conn: RawConnection, ...words: string[]): Promise<Reply | undefined> {
  conn.send(b(...words));
  return conn.read();
}

/** SET with a TTL, let it pass with active expiry off, GET: the subscriber hears `expired` only then. */
async function lazyExpiry(port: number): Promise<unknown[]> {
  const a = await RawConnection.open(port);
  const sub = await RawConnection.open(port);
  const seen: unknown[] = [];
  try {
    await command(a, 'FLUSHALL');
    await command(a, 'DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    await command(a, 'CONFIG', 'SET', 'notify-keyspace-events', 'KEx');
    seen.push(await command(sub, 'PSUBSCRIBE', '__key*@0__:*'));
    await command(a, 'SET', 'k', 'v', 'PX', '1');
    await sleep(50);
    seen.push(['before GET', await sub.read(200)]);
    seen.push(await command(a, 'GET', 'k'));
    seen.push(await sub.read(1000), await sub.read(1000));
  } finally {
    await command(a, 'CONFIG', 'SET', 'notify-keyspace-events', '');
    await command(a, 'DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    a.close();
    sub.close();
  }
  return seen;
}

/** A MONITOR connection's lines while another connection runs a few commands, time and address masked. */
async function monitorLines(port: number): Promise<string[]> {
  const m = await RawConnection.open(port);
  const c = await RawConnection.open(port);
  const lines: string[] = [];
  try {
    lines.push(JSON.stringify(await command(m, 'MONITOR')));
    for (const words of [
      ['SET', 'a', '1'],
      ['MULTI'],
      ['INCR', 'a'],
      ['EXEC'],
      ['SET', 'x y', '\x00\xff\t"\\'],
      ['SELECT', '2'],
      ['GET', 'nothing'],
      ['AUTH', 'default', 'secret'],
      ['HELLO', '2', 'AUTH', 'default', 'secret', 'SETNAME', 'n'],
      ['CONFIG', 'GET', 'hz'],
      ['CLIENT', 'LIST'],
      ['GET'],
      ['CLIENT', 'ID'],
      ['SELECT', '0'],
    ]) {
      await command(c, ...words);
    }
    for (;;) {
      const r = await m.read(300);
      if (r === undefined) break;
      lines.push(String(r.v).replace(/^\d+\.\d{6} \[(\d+) 127\.0\.0\.1:\d+\]/, '<time> [$1 <addr>]'));
    }
    await command(m, 'RESET');
    await command(c, 'SET', 'after', 'reset');
    lines.push(`after RESET: ${JSON.stringify(await m.read(200))}`);
  } finally {
    m.close();
    c.close();
  }
  return lines;
}

async function load(port: number): Promise<void> {
  const a = await RawConnection.open(port);
  await command(a, 'FLUSHALL');
  for (let i = 0; i < 20; i++) await command(a, 'RPUSH', `list${i}`, ...Array.from({ length: i + 1 }, (_v, j) => `e${j}`));
  for (let i = 0; i < 10; i++) await command(a, 'SET', `str${i}`, 'x'.repeat(10 * (i + 1)));
  await command(a, 'HSET', 'hash', 'f1', 'v1', 'f2', 'v2');
  await command(a, 'SADD', 'set', 'a', 'b', 'c');
  await command(a, 'ZADD', 'zset', '1', 'a');
  await command(a, 'XADD', 'stream', '1-1', 'f', 'v');
  a.close();
}

/** redis-cli's summary lines (the per-key progress lines follow SCAN's order, which differs). */
async function cliSummary(port: number, mode: string): Promise<string[]> {
  const { stdout } = await run('redis-cli', ['-p', String(port), mode]);
  return stdout.split('\n').filter((l) => /^(Biggest|\d+ \w+s with)/.test(l.trim()));
}

/** `redis-cli --stat` for a second: its header and the keys/clients/blocked columns of each row. */
async function statRows(port: number): Promise<string[]> {
  const child = spawn('stdbuf', ['-o0', 'redis-cli', '-p', String(port), '--stat', '-i', '0.2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  await sleep(1200);
  child.kill('SIGINT');
  await new Promise((r) => child.once('close', r));
  return out.split('\n').filter((l) => l.trim() !== '');
}

/** INFO's section titles and each section's field names, for the arguments given. */
async function infoShape(port: number, ...sections: string[]): Promise<string[]> {
  const a = await RawConnection.open(port);
  const text = String((await command(a, 'INFO', ...sections))?.v);
  a.close();
  return text.split('\r\n').map((l) => l.split(':')[0]!).filter((l) => !l.startsWith('redis_tutor_'));
}

/** Counters after a fixed run of commands: commandstats (sorted, times masked), errorstats, hits and misses. */
async function counters(port: number): Promise<string[]> {
  const a = await RawConnection.open(port);
  await command(a, 'CONFIG', 'RESETSTAT');
  for (const words of [['SET', 'a', '1'], ['GET', 'a'], ['GET', 'nothing'], ['MGET', 'a', 'b', 'c'], ['GET'], ['NOSUCH'], ['LPUSH', 'a', 'x'], ['EXISTS', 'a'], ['MULTI'], ['INCR', 'a'], ['LPUSH', 'a', 'x'], ['EXEC']]) {
    await command(a, ...words);
  }
  const text = String((await command(a, 'INFO', 'commandstats', 'errorstats', 'stats'))?.v);
  a.close();
  const lines = text.split('\r\n');
  const wanted = /^(cmdstat_|errorstat_|keyspace_|total_error_replies|total_commands_processed)/;
  return lines
    .filter((l) => wanted.test(l))
    .map((l) => l.replace(/usec=\d+,usec_per_call=[\d.]+/, 'usec=<t>'))
    .sort();
}

describe('introspection tools on the engine, compared with Redis 7.0', () => {
  it("INFO prints Redis's sections for each choice of arguments, with Redis's fields", async () => {
    for (const args of [[], ['all'], ['everything'], ['default'], ['default', 'commandstats'], ['server', 'clients', 'cpu'], ['CPU'], ['foo'], ['modules']]) {
      const titles = (lines: string[]) => lines.filter((l) => l.startsWith('#'));
      expect(titles(await infoShape(servers.enginePort, ...args)), args.join(' ')).toEqual(titles(await infoShape(servers.redisPort, ...args)));
    }
    for (const section of ['server', 'clients', 'stats', 'replication', 'cpu', 'cluster']) {
      expect(await infoShape(servers.enginePort, section), section).toEqual(await infoShape(servers.redisPort, section));
    }
  });

  it('counts commands, rejections, failures, error replies and keyspace hits as Redis does', async () => {
    const redis = await counters(servers.redisPort);
    expect(await counters(servers.enginePort)).toEqual(redis);
    expect(redis).toContain('errorstat_WRONGTYPE:count=2');
  });

  it('lazy expiry publishes `expired` when a read finds the key past its time', async () => {
    const [redis, engine] = [await lazyExpiry(servers.redisPort), await lazyExpiry(servers.enginePort)];
    expect(engine).toEqual(redis);
    expect(JSON.stringify(redis[1])).toContain('null');
    expect(JSON.stringify(redis.slice(3))).toContain('expired');
  });

  it('MONITOR shows each command as Redis does (quoting, db, redacted AUTH, no admin commands)', async () => {
    const [redis, engine] = [await monitorLines(servers.redisPort), await monitorLines(servers.enginePort)];
    expect(engine).toEqual(redis);
    expect(redis.join('\n')).toContain('"(redacted)"');
    expect(redis.length).toBeGreaterThan(8);
  });

  it('redis-cli --bigkeys and --memkeys find the same biggest keys and type totals', async () => {
    await load(servers.redisPort);
    await load(servers.enginePort);
    const big = await cliSummary(servers.redisPort, '--bigkeys');
    expect(await cliSummary(servers.enginePort, '--bigkeys')).toEqual(big);
    expect(big.join('\n')).toContain(`Biggest   list found '"list19"' has 20 items`);
    const counts = (lines: string[]) => lines.map((l) => l.replace(/with \d+ bytes \(([\d.]+)% of keys, avg size [\d.]+\)/, 'with <bytes> ($1% of keys)'));
    const mem = await cliSummary(servers.redisPort, '--memkeys');
    const engineMem = await cliSummary(servers.enginePort, '--memkeys');
    expect(counts(engineMem).filter((l) => !l.startsWith('Biggest'))).toEqual(counts(mem).filter((l) => !l.startsWith('Biggest')));
    const biggest = (lines: string[]) => lines.filter((l) => l.startsWith('Biggest')).map((l) => l.replace(/has \d+ bytes/, 'has <bytes>'));
    // Byte figures are MEMORY USAGE's estimate (memory/): the biggest string is unambiguous, lists are close.
    const strings = (lines: string[]) => biggest(lines).filter((l) => l.includes('string found'));
    expect(strings(engineMem)).toEqual(strings(mem));
    expect(strings(mem).join('\n')).toContain(`string found '"str9"'`);
  });

  it('redis-cli --stat prints its rows (keys, clients, blocked) as against Redis', async () => {
    await load(servers.redisPort);
    await load(servers.enginePort);
    const [redis, engine] = [await statRows(servers.redisPort), await statRows(servers.enginePort)];
    expect(engine.slice(0, 2)).toEqual(redis.slice(0, 2));
    const columns = (row: string) => row.trim().split(/\s+/).slice(0, 1).concat(row.trim().split(/\s+/).slice(2, 4));
    expect(engine.length).toBeGreaterThan(3);
    expect(columns(engine[2]!)).toEqual(columns(redis[2]!));
    expect(columns(redis[2]!)).toEqual(['34', '1', '0']);
  });
});
