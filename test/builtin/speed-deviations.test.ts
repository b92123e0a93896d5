import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineSession, type EngineSession } from './harness/engine-session.js';

// Where INFO's per-command time knowingly differs from Redis 7.0 (src/builtin/DEVIATIONS.md, "Speed"):
// a command's first 256 calls are each timed; past them one call in 32 is, and each other call counts the
// mean of the timed ones (reading the clock twice cost as much as a GET's own work). Calls, failures and
// rejections stay exact and are compared with a real server in introspection-tools.test.ts.
let session: EngineSession;

beforeAll(async () => {
  session = await engineSession();
});

afterAll(async () => {
  await session?.close();
});

/** calls and usec of one command, from INFO commandstats. */
async function cmdstat(name: string): Promise<{ calls: number; usec: number; perCall: number }> {
  const info = String((await session.send('INFO', 'commandstats'))!.v);
  const m = new RegExp(`cmdstat_${name.replace('|', '\\|')}:calls=(\\d+),usec=(\\d+),usec_per_call=([\\d.]+),`).exec(info);
  if (m === null) throw new Error(`no cmdstat_${name} in ${info}`);
  return { calls: Number(m[1]), usec: Number(m[2]), perCall: Number(m[3]) };
}

describe('INFO commandstats time, sampled past 256 calls (pinned)', () => {
  it('times every one of the first 256 calls, then one in 32; the others count the mean', async () => {
    await session.send('CONFIG', 'RESETSTAT');
    await session.send('DEBUG', 'SLEEP', '0.05');
    const first = await cmdstat('debug');
    expect(first.calls).toBe(1);
    expect(first.usec).toBeGreaterThanOrEqual(50000);
    for (let i = 1; i < 256; i++) await session.send('DEBUG', 'SLEEP', '0');
    // Call 257 (256 before it) is one of the timed ones: its 50 ms are counted.
    await session.send('DEBUG', 'SLEEP', '0.05');
    const timed = await cmdstat('debug');
    expect(timed.calls).toBe(257);
    expect(timed.usec).toBeGreaterThanOrEqual(100000);
    // Call 258 is not timed: it counts the mean so far (under 1 ms), not its own 50 ms.
    await session.send('DEBUG', 'SLEEP', '0.05');
    const sampled = await cmdstat('debug');
    expect(sampled.calls).toBe(258);
    expect(sampled.usec - timed.usec).toBeGreaterThan(0);
    expect(sampled.usec - timed.usec).toBeLessThan(5000);
    expect(sampled.perCall).toBeCloseTo(sampled.usec / sampled.calls, 0);
    // Call 265 (264 before it: one in 8 would time it) is not timed; call 289 (288 before it) is.
    for (let i = 258; i < 264; i++) await session.send('DEBUG', 'SLEEP', '0');
    await session.send('DEBUG', 'SLEEP', '0.05');
    const untimed = await cmdstat('debug');
    expect(untimed.calls).toBe(265);
    expect(untimed.usec - sampled.usec).toBeLessThan(5000);
    for (let i = 265; i < 288; i++) await session.send('DEBUG', 'SLEEP', '0');
    await session.send('DEBUG', 'SLEEP', '0.05');
    const timedAgain = await cmdstat('debug');
    expect(timedAgain.calls).toBe(289);
    expect(timedAgain.usec - untimed.usec).toBeGreaterThanOrEqual(50000);
  });

  it('a command first seen after CONFIG RESETSTAT is timed, and INFO does not list itself while running', async () => {
    await session.send('CONFIG', 'RESETSTAT');
    for (let i = 0; i < 1000; i++) await session.send('ECHO', 'x');
    const echo = await cmdstat('echo');
    expect(echo.calls).toBe(1000);
    expect(echo.usec).toBeGreaterThan(0);
    const info = String((await session.send('INFO', 'commandstats'))!.v);
    expect(info).toMatch(/cmdstat_info:calls=1,/);
    expect(info).toMatch(/cmdstat_config\|resetstat:calls=1,/);
  });
});
