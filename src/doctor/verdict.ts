import { versionAtLeast } from '../connection/client.js';
import { MIN_VERSION } from '../connection/resolve.js';
import type { DoctorFacts, ServerFact } from './facts.js';

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
const BUILTIN = 'the built-in engine';
const BUILTIN_LONG = "the tutor's built-in engine (in memory, discarded on exit)";

/** Pure: turns what doctor found into table rows and the one action it recommends. */
export function verdict(f: DoctorFacts): DoctorVerdict {
  const rows: DoctorRow[] = [];
  rows.push({ item: 'REDIS_URL', status: 'info', detail: f.redisUrl ?? 'not set' });
  if (f.explicit) rows.push(serverRow(`${f.explicit.source} (${f.explicit.server.address})`, f.explicit.server));
  if (f.local) rows.push(serverRow(f.local.address, f.local));
  rows.push(
    f.binary
      ? { item: 'redis-server on PATH', status: versionOk(f.binary.version) ? 'ok' : 'warn', detail: `${f.binary.path} (${f.binary.version ? `Redis ${f.binary.version}` : 'version unknown'})` }
      : { item: 'redis-server on PATH', status: 'info', detail: f.configuredBinary ? `REDIS_SERVER_BIN=${f.configuredBinary} is not a file` : 'not found' },
  );
  rows.push({ item: 'built-in engine', status: 'ok', detail: 'available: in memory, used when no Redis is found (or with --builtin)' });
  const server = f.explicit?.server ?? (f.local?.state === 'redis' ? f.local : undefined);
  if (server?.state === 'redis') rows.push(playgroundRow(server));
  const nodeOk = versionAtLeast(f.node, MIN_NODE);
  rows.push({ item: 'Node.js', status: nodeOk ? 'ok' : 'fail', detail: `${f.node}${nodeOk ? '' : ` (needs ${MIN_NODE} or newer)`}` });
  rows.push({ item: 'progress file', status: 'info', detail: f.progressFile });
  return { rows, ...decide(f, nodeOk) };
}

function serverRow(item: string, s: ServerFact): DoctorRow {
  if (s.state === 'redis') {
    return { item, status: versionOk(s.version) ? 'ok' : 'warn', detail: `Redis ${s.version}${versionOk(s.version) ? '' : ` (older than ${MIN_VERSION})`}` };
  }
  return { item, status: s.state === 'absent' ? 'info' : 'warn', detail: firstLine(s.problem) };
}

function playgroundRow(s: Extract<ServerFact, { state: 'redis' }>): DoctorRow {
  const item = `playground (db ${s.db})`;
  switch (s.playground.kind) {
    case 'empty':
      return { item, status: 'ok', detail: 'empty: the tutor will claim it' };
    case 'ours':
      return { item, status: 'ok', detail: `the tutor's playground (${s.playground.keys} lesson keys)` };
    case 'foreign':
      return { item, status: 'fail', detail: `holds ${s.playground.keys} key${s.playground.keys === 1 ? '' : 's'} the tutor did not create: it will not be used` };
  }
}

function decide(f: DoctorFacts, nodeOk: boolean): Omit<DoctorVerdict, 'rows'> {
  if (!nodeOk) return { canRun: false, recommendation: `Install Node.js ${MIN_NODE} or newer, then run redis-tutor doctor again.` };
  const spawnable = f.binary !== undefined;
  if (f.mode === 'builtin') return { canRun: true, wouldUse: BUILTIN, recommendation: `Lessons will use ${BUILTIN_LONG}.` };
  if (f.mode === 'spawn') {
    return spawnable
      ? { canRun: true, wouldUse: 'a private redis-server', recommendation: 'Lessons will use a private redis-server, started for you and discarded on exit.' }
      : { canRun: false, recommendation: '--spawn needs redis-server: install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis; Windows: WSL).' };
  }
  const server = f.explicit?.server ?? f.local;
  if (server?.state === 'redis') {
    if (server.playground.kind === 'foreign') {
      return {
        canRun: false,
        recommendation: `Database ${server.db} at ${server.address} holds data the tutor did not create. Run with --db <an empty database>${spawnable ? ' or --spawn' : ''}.`,
      };
    }
    return { canRun: true, wouldUse: `Redis ${server.version} at ${server.address}, db ${server.db}`, recommendation: `Run npx redis-tutor start: lessons will use Redis ${server.version} at ${server.address}, db ${server.db}.` };
  }
  if (f.explicit) return { canRun: false, recommendation: f.explicit.server.state === 'redis' ? '' : f.explicit.server.problem };
  if (spawnable) {
    return {
      canRun: true,
      wouldUse: 'a private redis-server',
      recommendation: `Run npx redis-tutor start: lessons will use a private redis-server (${f.binary?.version ? `Redis ${f.binary.version}, ` : ''}started for you, discarded on exit).`,
    };
  }
  return {
    canRun: true,
    wouldUse: BUILTIN,
    recommendation:
      `Run npx redis-tutor start: lessons will use ${BUILTIN_LONG}. For the lessons that need a real Redis, ` +
      'install Redis 7 (Debian/Ubuntu: sudo apt-get install redis-server; Fedora: sudo dnf install redis; macOS: brew install redis; Windows: WSL or Memurai), or point the tutor at one with --url.',
  };
}

function versionOk(version: string | undefined): boolean {
  return version === undefined || versionAtLeast(version, MIN_VERSION);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
