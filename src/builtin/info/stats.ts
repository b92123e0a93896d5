/** One command's figures, as INFO commandstats shows them. */
export class CommandStat {
  calls = 0;
  usec = 0;
  rejected = 0;
  failed = 0;
  /** The last durations (µs), for INFO latencystats' percentiles. */
  recent: number[] = [];
  recentAt = 0;
  /** The calls whose time was measured, and the sum of their durations (µs): see `timeCall`. */
  timed = 0;
  timedUsec = 0;
  /** Cleared by CONFIG RESETSTAT while its command ran: the call counts in a fresh record. */
  dropped = false;
}

/** Every call of a command is timed up to this many calls, then one in TIME_EVERY (a power of 2). */
const TIME_ALL = 256;
const TIME_EVERY = 32;

/** Durations kept per command for the percentiles: the latest ones, a ring. */
const RECENT = 512;
/** Redis's STATS_METRIC_SAMPLES: ops/sec is the mean of the last 16 samples, one per cron run. */
const SAMPLES = 16;

/**
 * The counters Redis keeps in `server.stat_*` and per command, as far as the engine has them: INFO
 * stats, commandstats, errorstats and latencystats read them; CONFIG RESETSTAT clears them.
 */
export class EngineStats {
  commandsProcessed = 0;
  connectionsReceived = 0;
  expiredKeys = 0;
  keyspaceHits = 0;
  keyspaceMisses = 0;
  errorReplies = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  readonly commands = new Map<string, CommandStat>();
  readonly errors = new Map<string, number>();
  private readonly samples = new Array<number>(SAMPLES).fill(0);
  private sampleIndex = 0;
  private lastSampleTime = 0;
  private lastSampleCount = 0;

  /** A command's figures, made on first use. */
  of(name: string): CommandStat {
    let stat = this.commands.get(name);
    if (stat === undefined) {
      stat = new CommandStat();
      this.commands.set(name, stat);
    }
    return stat;
  }

  /**
   * A command ran (Redis's call()): `error` is its error reply's text, if it answered one. `stat`: its
   * record when it has one. `usec`: its duration, when `timeCall` said to measure it; otherwise the mean
   * of the measured calls is counted (reading the clock twice costs about as much as a GET's own work).
   * Answers the record counted, for the caller to keep.
   */
  called(name: string, stat: CommandStat | undefined, usec: number | undefined, error: string | undefined): CommandStat {
    if (stat === undefined || stat.dropped) stat = this.of(name);
    stat.calls++;
    if (usec !== undefined) {
      stat.usec += usec;
      stat.timed++;
      stat.timedUsec += usec;
      if (stat.recent.length < RECENT) stat.recent.push(usec);
      else stat.recent[stat.recentAt++ % RECENT] = usec;
    } else if (stat.timed > 0) {
      stat.usec += stat.timedUsec / stat.timed;
    }
    this.commandsProcessed++;
    if (error !== undefined) {
      stat.failed++;
      this.errorReply(error);
    }
    return stat;
  }

  /** A command refused before it ran (arity, OOM, subscribed mode, MULTI ...); `name` when it was found. */
  rejected(name: string | undefined, error: string): void {
    if (name !== undefined) this.of(name).rejected++;
    this.errorReply(error);
  }

  /** Any error reply: counted by its first word (errorstat_ERR, errorstat_WRONGTYPE ...). */
  errorReply(error: string): void {
    this.errorReplies++;
    const space = error.indexOf(' ');
    const prefix = space < 0 ? error : error.slice(0, space);
    this.errors.set(prefix, (this.errors.get(prefix) ?? 0) + 1);
  }

  /** Called by the cron: one sample of commands per second since the last one. */
  sample(nowMs: number): void {
    if (this.lastSampleTime !== 0 && nowMs > this.lastSampleTime) {
      const ops = ((this.commandsProcessed - this.lastSampleCount) * 1000) / (nowMs - this.lastSampleTime);
      this.samples[this.sampleIndex] = ops;
      this.sampleIndex = (this.sampleIndex + 1) % SAMPLES;
    }
    this.lastSampleTime = nowMs;
    this.lastSampleCount = this.commandsProcessed;
  }

  opsPerSec(): number {
    let sum = 0;
    for (const s of this.samples) sum += s;
    return Math.floor(sum / SAMPLES);
  }

  /** CONFIG RESETSTAT. */
  reset(): void {
    this.commandsProcessed = 0;
    this.connectionsReceived = 0;
    this.expiredKeys = 0;
    this.keyspaceHits = 0;
    this.keyspaceMisses = 0;
    this.errorReplies = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    for (const stat of this.commands.values()) stat.dropped = true;
    this.commands.clear();
    this.errors.clear();
    this.samples.fill(0);
  }
}

/** p50, p99 and p99.9 of a command's recent durations, as INFO latencystats prints them. */
export function percentiles(recent: readonly number[]): string {
  const sorted = [...recent].sort((a, b) => a - b);
  const at = (p: number): string => (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(3);
  return `p50=${at(50)},p99=${at(99)},p99.9=${at(99.9)}`;
}

/** Whether this call of the command is to be timed: all of its first TIME_ALL calls, then one in TIME_EVERY. */
export function timeCall(stat: CommandStat | undefined): boolean {
  return stat === undefined || stat.calls < TIME_ALL || (stat.calls & (TIME_EVERY - 1)) === 0;
}
