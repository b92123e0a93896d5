import { versionAtLeast } from '../connection/client.js';
import { MIN_VERSION } from '../connection/resolve.js';
import { OWNED_DATABASES } from '../connection/options.js';
import type { DoctorFacts, ServerFact } from './facts.js';
import { doctorMsg as m } from './messages.js';
import { msg } from '../ui/messages.js';
import { serverMsg } from '../connection/messages.js';

export type Status = 'ok' | 'warn' | 'fail' | 'info';
export interface DoctorRow {
  item: string;
  status: Status;
  detail: string;
}
export interface DoctorVerdict {
  rows: DoctorRow[];
  /** What lessons would use, or undefined when none would run. */
  wouldUse?: string;
  recommendation: string;
  canRun: boolean;
}

const MIN_NODE = '20.12';

/** Pure: turns what doctor found into table rows and the one action it recommends. */
export function verdict(f: DoctorFacts): DoctorVerdict {
  const rows: DoctorRow[] = [];
  rows.push({ item: m.itemRedisUrl(), status: 'info', detail: f.redisUrl ?? m.notSet() });
  if (f.explicit) rows.push(serverRow(`${f.explicit.source} (${f.explicit.server.address})`, f.explicit.server));
  if (f.local) rows.push(serverRow(f.local.address, f.local));
  rows.push(
    f.binary
      ? { item: m.itemBinary(), status: versionOk(f.binary.version) ? 'ok' : 'warn', detail: m.binaryFound(f.binary.path, f.binary.version) }
      : { item: m.itemBinary(), status: 'info', detail: f.configuredBinary ? m.binaryNotAFile(f.configuredBinary) : m.notFound() },
  );
  rows.push({ item: m.itemBuiltin(), status: 'ok', detail: m.builtinAvailable() });
  const server = f.explicit?.server ?? (f.local?.state === 'redis' ? f.local : undefined);
  if (server?.state === 'redis') rows.push(playgroundRow(server), ...findingRows(server, f));
  const nodeOk = versionAtLeast(f.node, MIN_NODE);
  rows.push({ item: m.itemNode(), status: nodeOk ? 'ok' : 'fail', detail: m.nodeVersion(f.node, nodeOk ? undefined : MIN_NODE) });
  rows.push({ item: m.itemProgress(), status: 'info', detail: f.progressFile });
  return { rows, ...decide(f, nodeOk) };
}

function serverRow(item: string, s: ServerFact): DoctorRow {
  if (s.state === 'redis') {
    return { item, status: versionOk(s.version) ? 'ok' : 'warn', detail: m.serverVersion(s.version, versionOk(s.version) ? undefined : MIN_VERSION) };
  }
  return { item, status: s.state === 'absent' ? 'info' : 'warn', detail: firstLine(s.problem) };
}

function playgroundRow(s: Extract<ServerFact, { state: 'redis' }>): DoctorRow {
  const item = m.itemPlayground(s.db);
  switch (s.playground.kind) {
    case 'empty':
      return { item, status: 'ok', detail: m.playgroundEmpty() };
    case 'ours':
      return { item, status: 'ok', detail: m.playgroundOurs(s.playground.keys) };
    case 'foreign':
      return { item, status: 'fail', detail: m.playgroundForeign(s.playground.keys) };
  }
}

/** A row for each thing on the server that would stop lessons (a missing command, a full memory), with its advice. */
function findingRows(s: Extract<ServerFact, { state: 'redis' }>, f: DoctorFacts): DoctorRow[] {
  const rows: DoctorRow[] = [];
  if (s.commands && s.commands.tutor.length > 0) {
    rows.push({ item: m.itemCommands(), status: 'fail', detail: serverMsg.tutorCommandsMissing(s.commands.tutor) });
  } else if (s.commands && s.commands.lessons.length > 0) {
    rows.push({ item: m.itemCommands(), status: 'warn', detail: m.lessonsLack(s.commands.lessons, (id) => command(['lesson', id, '--spawn'])) });
  }
  if (s.memory?.full) rows.push({ item: m.itemMemory(), status: 'fail', detail: serverMsg.memoryFull(s.memory) });
  return rows;
}

/** `npx redis-tutor <words>` with the connection options the learner gave doctor (`args`), as advice names it. */
function command(words: string[], args: string[] = []): string {
  return ['npx redis-tutor', ...words, ...args].join(' ');
}

function decide(f: DoctorFacts, nodeOk: boolean): Omit<DoctorVerdict, 'rows'> {
  const start = command(['start'], f.args);
  if (!nodeOk) return { canRun: false, recommendation: m.installNode(MIN_NODE, command(['doctor'], f.args)) };
  const spawnable = f.binary !== undefined;
  if (f.ownedDb !== undefined && f.ownedDb >= OWNED_DATABASES) return { canRun: false, recommendation: msg.dbOutOfRange(f.ownedDb, OWNED_DATABASES, true) };
  if (f.mode === 'builtin') return { canRun: true, wouldUse: m.usesBuiltin(), recommendation: m.forcedBuiltin() };
  if (f.mode === 'spawn') {
    return spawnable
      ? { canRun: true, wouldUse: m.usesPrivate(), recommendation: m.forcedSpawn() }
      : { canRun: false, recommendation: m.spawnImpossible(msg.installRedis()) };
  }
  const server = f.explicit?.server ?? f.local;
  if (server?.state === 'redis') {
    if (server.playground.kind === 'foreign') {
      return { canRun: false, recommendation: m.foreignPlayground(server.db, server.address, command(['start'], f.argsWithoutDb), spawnable ? command(['start', '--spawn']) : undefined) };
    }
    if (server.commands && server.commands.tutor.length > 0) return { canRun: false, recommendation: serverMsg.tutorCommandsMissing(server.commands.tutor) };
    if (server.memory?.full) return { canRun: false, recommendation: serverMsg.memoryFull(server.memory) };
    const uses = m.usesServer(server.version, server.address, server.db);
    return { canRun: true, wouldUse: uses, recommendation: m.runOnServer(uses, start) };
  }
  if (f.explicit) return { canRun: false, recommendation: f.explicit.server.state === 'redis' ? '' : f.explicit.server.problem };
  if (spawnable) {
    return { canRun: true, wouldUse: m.usesPrivate(), recommendation: m.runOnPrivate(f.binary?.version, start) };
  }
  return { canRun: true, wouldUse: m.usesBuiltin(), recommendation: m.runOnBuiltin(msg.installRedis(), start) };
}

function versionOk(version: string | undefined): boolean {
  return version === undefined || versionAtLeast(version, MIN_VERSION);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
