import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { RawConnection } from './harness/connection.js';
import type { Reply } from './harness/resp.js';

// Pub/sub orders Redis 7.0 takes from its hash tables (src/builtin/DEVIATIONS.md, "Engine core"): the
// engine answers in subscription order, pinned here so that a change is a decision, not an accident.
let engine: RunningEngine;
let sub: RawConnection;
let pub: RawConnection;

beforeAll(async () => {
  engine = await startBuiltinEngine();
  [sub, pub] = await Promise.all([RawConnection.open(engine.port), RawConnection.open(engine.port)]);
});

afterAll(async () => {
  sub?.close();
  pub?.close();
  await engine?.close();
});

async function send(conn: RawConnection, args: string[], replies = 1): Promise<Reply[]> {
  conn.send(args.map((a) => Buffer.from(a)));
  const out: Reply[] = [];
  for (let i = 0; i < replies; i++) out.push((await conn.read())!);
  return out;
}

/** The second element of each push or array: the pattern or channel it names. */
const names = (replies: Reply[]) => replies.map((r) => String((r.v as Reply[])[1]!.v));

describe('pub/sub orders, pinned', () => {
  it('a message matching several patterns of one client arrives once per pattern, in subscription order', async () => {
    await send(sub, ['PSUBSCRIBE', 'a*', '*c', 'ab?', '*'], 4);
    expect(await send(pub, ['PUBLISH', 'abc', 'm'])).toEqual([{ t: ':', v: '4' }]);
    const pushes: Reply[] = [];
    for (let i = 0; i < 4; i++) pushes.push((await sub.read())!);
    expect(names(pushes)).toEqual(['a*', '*c', 'ab?', '*']);
    await send(sub, ['PUNSUBSCRIBE', 'a*', '*c', 'ab?', '*'], 4);
  });

  it('PUBSUB SHARDCHANNELS and SUNSUBSCRIBE without arguments list shard channels in subscription order', async () => {
    await send(sub, ['SSUBSCRIBE', 's3', 's1', 's2'], 3);
    const listed = (await send(pub, ['PUBSUB', 'SHARDCHANNELS']))[0]!;
    expect((listed.v as Reply[]).map((r) => r.v)).toEqual(['s3', 's1', 's2']);
    expect(names(await send(sub, ['SUNSUBSCRIBE'], 3))).toEqual(['s3', 's1', 's2']);
  });
});
