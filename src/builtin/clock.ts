/**
 * The engine's time: the wall clock plus an offset the tutor can move forward, so that a lesson's
 * `@wait 4s` passes at once on the built-in engine. Everything that reads time for the data's sake
 * (TTLs, blocked clients' timeouts, TIME, uptime) reads it here; only CPU budgets use the real clock.
 */
export class EngineClock {
  /**
   * "Now" frozen for the command being run (Redis caches mstime per command), so one command sees one
   * instant: a TTL cannot pass between reading a key and answering for it.
   */
  now: number;
  private offset = 0;

  constructor(private readonly wall: () => number = Date.now) {
    this.now = this.read();
  }

  /** Milliseconds since the epoch as the engine sees them: the wall clock plus every advance so far. */
  read(): number {
    return this.wall() + this.offset;
  }

  /** Freezes "now" for the next command (or cron run), and returns it. */
  tick(): number {
    this.now = this.read();
    return this.now;
  }

  /**
   * Moves time forward by `ms` at once. Only forward: TTLs and deadlines already computed must never
   * move further away. Fractions are rounded, since TTLs and deadlines are whole milliseconds.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the engine's clock only moves forward, by a finite number of milliseconds (got ${ms})`);
    this.offset += Math.round(ms);
    this.tick();
  }

  /** Microseconds since the epoch, for TIME: whole milliseconds from `read`, the rest from the monotonic timer. */
  micros(): bigint {
    return BigInt(this.read()) * 1000n + BigInt(Math.floor((performance.now() % 1) * 1000));
  }
}
