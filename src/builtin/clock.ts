/** Commands in a row that may run on one read of the time (see `forCommand`). */
const REUSE = 16;

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
  /** Commands that may still run on `now` before it is read again (see `forCommand`). */
  private reusable = 0;
  /** Between `beginBatch` and `endBatch`: the server is running one read's worth of pipelined commands. */
  private inBatch = false;

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
   * Freezes "now" for the next command. Redis reads the time per command; here, inside a batch (the
   * commands the server runs from one read of a socket), a command that follows a quick one (whose work
   * is bounded by its arguments, not by the data held: command-entry.ts) may reuse the time read for
   * it, up to REUSE commands in a row: they run microseconds apart, and a read costs about a tenth of a
   * GET. A new batch, any other command (`slow`: KEYS, DEBUG SLEEP ...), every REUSE-th command, and any
   * command outside a batch read the time again.
   */
  forCommand(): void {
    if (this.reusable > 0) {
      this.reusable--;
      return;
    }
    this.tick();
    if (this.inBatch) this.reusable = REUSE - 1;
  }

  /** The server starts running the commands of one read: `forCommand` may reuse reads until `endBatch`. */
  beginBatch(): void {
    this.inBatch = true;
    this.reusable = 0;
  }

  endBatch(): void {
    this.inBatch = false;
    this.reusable = 0;
  }

  /** The command just run may have taken a while: the next one reads the time again. */
  slow(): void {
    this.reusable = 0;
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
