import { versionAtLeast } from '../connection/client.js';
import { MIN_VERSION } from '../connection/resolve.js';
import type { DoctorFacts, ServerFact } from './facts.js';
import { doctorMsg as m } from './messages.js';
import { msg } from '../ui/messages.js';

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
  if (server?.state === 'redis') rows.push(playgroundRow(server));
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

function decide(f: DoctorFacts, nodeOk: boolean): Omit<DoctorVerdict, 'rows'> {
  if (!nodeOk) return { canRun: false, recommendation: m.installNode(MIN_NODE) };
  const spawnable = f.binary !== undefined;
  if (f.mode === 'builtin') return { canRun: true, wouldUse: m.usesBuiltin(), recommendation: m.forcedBuiltin() };
  if (f.mode === 'spawn') {
    return spawnable
      ? { canRun: true, wouldUse: m.usesPrivate(), recommendation: m.forcedSpawn() }
      : { canRun: false, recommendation: m.spawnImpossible(msg.installRedis()) };
  }
  const server = f.explicit?.server ?? f.local;
  if (server?.state === 'redis') {
    if (server.playground.kind === 'foreign') {
      return { canRun: false, recommendation: m.foreignPlayground(server.db, server.address, spawnable) };
    }
    const uses = m.usesServer(server.version, server.address, server.db);
    return { canRun: true, wouldUse: uses, recommendation: m.runOnServer(uses) };
  }
  if (f.explicit) return { canRun: false, recommendation: f.explicit.server.state === 'redis' ? '' : f.explicit.server.problem };
  if (spawnable) {
    return { canRun: true, wouldUse: m.usesPrivate(), recommendation: m.runOnPrivate(f.binary?.version) };
  }
  return { canRun: true, wouldUse: m.usesBuiltin(), recommendation: m.runOnBuiltin(msg.installRedis()) };
}

function versionOk(version: string | undefined): boolean {
  return version === undefined || versionAtLeast(version, MIN_VERSION);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
