import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineSession, type EngineSession } from './harness/engine-session.js';
import type { Reply } from './harness/resp.js';

// Where DUMP, RESTORE and OBJECT knowingly answer otherwise than Redis 7.0 (src/builtin/DEVIATIONS.md,
// "DUMP, RESTORE, MOVE, SWAPDB, OBJECT"): each case pins the engine's answer.
let session: EngineSession;
const send: EngineSession['send'] = (...args) => session.send(...args);

beforeAll(async () => {
  session = await engineSession();
});

afterAll(async () => {
  await session?.close();
});

const bytes = (r: Reply | undefined): Buffer => Buffer.from(String(r?.v), 'latin1');

/** The member strings of an RDB_TYPE_SET payload whose members are short plain strings. */
function plainSetMembers(payload: Buffer): string[] {
  expect(payload[0]).toBe(2);
  const out: string[] = [];
  let p = 2;
  for (let i = 0; i < payload[1]!; i++) {
    const len = payload[p]!;
    out.push(payload.toString('latin1', p + 1, p + 1 + len));
    p += 1 + len;
  }
  return out;
}

describe('DUMP/RESTORE/OBJECT deviations, pinned', () => {
  it('DUMP of a hashtable set lists its members in insertion order (Redis: dict order)', async () => {
    await send('FLUSHALL');
    await send('SADD', 's', 'zeta', 'alpha', 'mid');
    expect(plainSetMembers(bytes(await send('DUMP', 's')))).toEqual(['zeta', 'alpha', 'mid']);
  });

  it('an intset is DUMPed as wide as its members need now (Redis: as wide as it ever had to be)', async () => {
    await send('SADD', 'i', '1', '10000000000');
    await send('SREM', 'i', '10000000000');
    const payload = bytes(await send('DUMP', 'i'));
    // type 11, length 10, then the intset: encoding 2 (int16), one member.
    expect(payload.subarray(0, 6).toString('hex')).toBe('0b0a02000000');
  });

  it('a list of several quicklist nodes is laid out as RPUSH fills them, however it was built', async () => {
    const elements = Array.from({ length: 1500 }, (_, i) => `element-${i}`);
    await send('RPUSH', 'byTail', ...elements);
    for (const e of [...elements].reverse()) await send('LPUSH', 'byHead', e);
    expect(bytes(await send('DUMP', 'byHead')).equals(bytes(await send('DUMP', 'byTail')))).toBe(true);
  });

  it('OBJECT REFCOUNT of a string SET in the same MULTI is 1 (Redis: 2, the queued argv still shares it)', async () => {
    await send('MULTI');
    await send('SET', 'r', 'a value of some length');
    await send('OBJECT', 'REFCOUNT', 'r');
    expect(await send('EXEC')).toEqual({ t: '*', v: [{ t: '+', v: 'OK' }, { t: ':', v: '1' }] });
  });
});
