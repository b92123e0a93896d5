import { parseCommandLine } from '../repl/parse.js';

/**
 * What one authored command line means. Pure. A line is a Redis command for the lesson's own connection
 * (`SET k v`, or `A> SET k v`), a command for a named helper connection (`B> BLPOP jobs 0`), or a
 * directive (`@wait 4s`, `@race 4x1000 GET n | SET n {n+1}`, `@fixture 10000 SET msg:{i} hello`,
 * `@probe KEYS *`, `@restart`, `@crash`, `@restart-from-config`).
 */
export type LessonLine =
  /** `labelled`: the line names its connection (`B> `, `A> `), which wins over any default. */
  | { kind: 'command'; on: string; command: string; labelled: boolean }
  | { kind: 'wait'; ms: number }
  /** R16: `clients` extra connections at once, each running `script` (command lines) `times` times. */
  | { kind: 'race'; clients: number; times: number; script: string[] }
  /** R14: `command` run `count` times, `{i}` standing for 1, 2 ... count, pipelined: bulk data in well under a second. */
  | { kind: 'fixture'; count: number; command: string }
  /** R15: `command` runs on the lesson's connection while another connection PINGs, timing every PONG. */
  | { kind: 'probe'; command: string }
  /** R5: the server the tutor owns is stopped (cleanly or killed) and started again. */
  | { kind: 'control'; action: ControlAction }
  /** Issue 15 (`needs: [cluster]`): one command on a node of the local cluster, by name (`@node replica GET k`). */
  | { kind: 'node'; node: string; command: string }
  /** Issue 15: a node of the local cluster SIGKILLed (`@kill primary-1`). */
  | { kind: 'kill'; node: string }
  /** Issue 15: waits until the killed primary's replica serves its slots (`@failover primary-1`). */
  | { kind: 'failover'; node: string }
  /** Issue 15: the local topology made fresh in this shape (`@cluster replication`, `@cluster cluster`). */
  | { kind: 'topology'; shape: 'replication' | 'cluster' }
  | { kind: 'bad'; why: Directive | 'directive' };

/** `@restart`, `@crash`, `@restart-from-config`: what a server-control directive does. */
export type ControlAction = 'restart' | 'crash' | 'restart-from-config';
export const CONTROL_ACTIONS: readonly ControlAction[] = ['restart', 'crash', 'restart-from-config'];

/** The directives, by name. */
export const DIRECTIVES = ['wait', 'race', 'fixture', 'probe', 'restart', 'crash', 'node', 'kill', 'failover', 'cluster'] as const;
export type Directive = (typeof DIRECTIVES)[number];

/** What a race may ask for: enough to show lost updates, never a load test of someone's server. */
export const RACE_LIMITS = { clients: 10, times: 10_000 };

/** The most commands a fixture runs: enough for a measurable KEYS, little enough for anyone's server memory. */
export const FIXTURE_LIMIT = 200_000;

/** The placeholder a fixture's command numbers with. */
export const FIXTURE_INDEX = '{i}';

/** The lesson's own connection: the one the learner types on unless a step says otherwise. */
export const MAIN = 'A';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

export function classifyLine(line: string): LessonLine {
  const trimmed = line.trim();
  if (trimmed.startsWith('@')) {
    const wait = /^@wait\s+(\d+(?:\.\d+)?)\s*(ms|s|m)$/i.exec(trimmed);
    if (wait) return { kind: 'wait', ms: Math.round(Number(wait[1]) * UNITS[wait[2]!.toLowerCase()]!) };
    const race = /^@race\s+(\d+)x(\d+)\s+(\S.*)$/i.exec(trimmed);
    if (race) {
      const [clients, times] = [Number(race[1]), Number(race[2])];
      const script = race[3]!.split(/\s+\|\s+/);
      const fits = clients >= 1 && clients <= RACE_LIMITS.clients && times >= 1 && times <= RACE_LIMITS.times;
      return fits && script.every((c) => parseCommandLine(c).kind === 'command') ? { kind: 'race', clients, times, script } : { kind: 'bad', why: 'race' };
    }
    const fixture = /^@fixture\s+(\d+)\s+(\S.*)$/i.exec(trimmed);
    if (fixture) {
      const count = Number(fixture[1]);
      const command = fixture[2]!;
      const fits = count >= 1 && count <= FIXTURE_LIMIT && command.includes(FIXTURE_INDEX) && parseCommandLine(command).kind === 'command';
      return fits ? { kind: 'fixture', count, command } : { kind: 'bad', why: 'fixture' };
    }
    const probe = /^@probe\s+(\S.*)$/i.exec(trimmed);
    if (probe) return parseCommandLine(probe[1]!).kind === 'command' ? { kind: 'probe', command: probe[1]! } : { kind: 'bad', why: 'probe' };
    const control = CONTROL_ACTIONS.find((a) => trimmed.toLowerCase() === `@${a}`);
    if (control) return { kind: 'control', action: control };
    const cluster = clusterDirective(trimmed);
    if (cluster) return cluster;
    const named = /^@([a-z]+)\b/i.exec(trimmed)?.[1]?.toLowerCase();
    return { kind: 'bad', why: DIRECTIVES.find((d) => d === named) ?? 'directive' };
  }
  const labelled = /^([A-Z])>\s+(.*)$/.exec(trimmed);
  if (labelled) return { kind: 'command', on: labelled[1]!, command: labelled[2]!, labelled: true };
  return { kind: 'command', on: MAIN, command: trimmed, labelled: false };
}

/** Node names as the local cluster gives them: `primary`, `replica-2` ... */
const NODE_NAME = '([a-z]+(?:-\\d+)?)';

/** `@node`, `@kill`, `@failover`, `@cluster`: the local cluster's directives, or undefined for another line. */
function clusterDirective(trimmed: string): LessonLine | undefined {
  const node = new RegExp(`^@node\\s+${NODE_NAME}\\s+(\\S.*)$`, 'i').exec(trimmed);
  if (node) return parseCommandLine(node[2]!).kind === 'command' ? { kind: 'node', node: node[1]!.toLowerCase(), command: node[2]! } : { kind: 'bad', why: 'node' };
  const kill = new RegExp(`^@(kill|failover)\\s+${NODE_NAME}$`, 'i').exec(trimmed);
  if (kill) return { kind: kill[1]!.toLowerCase() as 'kill' | 'failover', node: kill[2]!.toLowerCase() };
  const topology = /^@cluster\s+(replication|cluster)$/i.exec(trimmed);
  if (topology) return { kind: 'topology', shape: topology[1]!.toLowerCase() as 'replication' | 'cluster' };
  return undefined;
}

/** True when some line talks to the local cluster (`@node`, `@kill`, `@failover`, `@cluster`): the lesson needs `cluster`. */
export function usesCluster(lines: readonly string[]): boolean {
  return lines.some((line) => ['node', 'kill', 'failover', 'topology'].includes(classifyLine(line).kind));
}

/** The topology a lesson starts on: its first `@cluster` line's, else three primaries with a replica each. */
export function firstTopology(lines: readonly string[]): 'replication' | 'cluster' {
  for (const line of lines) {
    const c = classifyLine(line);
    if (c.kind === 'topology') return c.shape;
  }
  return 'cluster';
}

/** The extra connections some lines use: helpers (B, C ...), races and latency probes. */
export function helpersIn(lines: readonly string[]): string[] {
  const names = new Set<string>();
  for (const line of lines) {
    const c = classifyLine(line);
    if (c.kind === 'command' && c.on !== MAIN) names.add(c.on);
    if (c.kind === 'race' || c.kind === 'probe') names.add(`@${c.kind}`);
  }
  return [...names];
}

/** The longest `@wait` among some lines, in ms (0 when none). */
export function longestWait(lines: readonly string[]): number {
  return lines.reduce((most, line) => {
    const c = classifyLine(line);
    return c.kind === 'wait' ? Math.max(most, c.ms) : most;
  }, 0);
}

/** "4 s", "1500 ms", "30 min": a wait as the learner reads it. */
export function describeWait(ms: number): string {
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/** True when some line stops and starts the server (`@restart`, `@crash` ...): the lesson needs a server the tutor owns. */
export function controlsServer(lines: readonly string[]): boolean {
  return lines.some((line) => classifyLine(line).kind === 'control');
}
