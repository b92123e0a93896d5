import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineSession, type EngineSession } from './harness/engine-session.js';

// Where the bit commands knowingly answer otherwise than Redis 7.0 (src/builtin/DEVIATIONS.md, "Bitmaps
// and LCS"): each case pins the engine's answer, so a change is a decision, not an accident.
let session: EngineSession;
const send = (...args: string[]) => session.send(...args);

beforeAll(async () => {
  session = await engineSession({ maxMemoryBytes: 1024 * 1024 });
});

afterAll(async () => {
  await session?.close();
});

describe('bitmap deviations, pinned', () => {
  it('a BITFIELD whose only writes FAIL creates a missing key and, unlike Redis, tells WATCH', async () => {
    await send('FLUSHALL');
    await send('WATCH', 'nf');
    expect(await send('BITFIELD', 'nf', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '10', '10')).toEqual({ t: '*', v: [{ t: '$', v: null }] });
    expect(await send('STRLEN', 'nf')).toEqual({ t: ':', v: '2' });
    await send('MULTI');
    await send('PING');
    expect(await send('EXEC')).toEqual({ t: '*', v: null });
  });

  it('a SETBIT that alone would outgrow maxmemory answers OOM, as SETRANGE does', async () => {
    await send('FLUSHALL');
    const oom = { t: '-', v: "OOM command not allowed when used memory > 'maxmemory'." };
    expect(await send('SETBIT', 'b', String(8 * 2 * 1024 * 1024), '1')).toEqual(oom);
    expect(await send('BITFIELD', 'b', 'SET', 'u8', String(8 * 2 * 1024 * 1024), '1')).toEqual(oom);
    expect(await send('EXISTS', 'b')).toEqual({ t: ':', v: '0' });
    expect(await send('SETBIT', 'b', String(8 * 1024), '1')).toEqual({ t: ':', v: '0' });
  });
});
