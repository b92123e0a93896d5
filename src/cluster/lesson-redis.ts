import { openClient } from '../connection/client.js';
import type { Connection } from '../connection/resolve.js';
import { classifyLine, MAIN, type LessonLine } from '../course/lines.js';
import type { Interference } from '../course/schema.js';
import { UserError } from '../errors.js';
import { parseCommandLine } from '../repl/parse.js';
import { RespClient } from '../resp/client.js';
import { formatForCommand } from '../repl/format.js';
import { blockingTimeoutMs } from '../runner/blocking.js';
import { labelled } from '../runner/helpers.js';
import { openLessonRedis, type Executed, type LessonRedis } from '../runner/redis.js';
import { learnerKeys, readKey, type KeySnapshot } from '../runner/snapshot.js';
import { clusterMsg } from './messages.js';
import { MAX_REDIRECTS, redirectedLine, redirectOf } from './redirect.js';
import type { ClusterShape, LocalNode } from './start.js';
import type { Topology } from './topology.js';

/** Commands `@node` does not send: they would keep the node's connection waiting or listening. */
const WAITING = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR']);

/** A connection to one node of the local cluster, as the lesson's runner takes one. */
export async function nodeConnection(host: string, port: number, shape: ClusterShape): Promise<Connection> {
  const endpoint = { host, port, tls: false, source: 'the local cluster' };
  const { client, version } = await openClient(endpoint, 2000);
  return {
    client,
    kind: 'private',
    owned: true,
    endpoint,
    db: 0,
    version,
    header: clusterMsg.header(shape, `${host}:${port}`, version),
    warnings: [],
    close: async () => client.disconnect(),
  };
}

/**
 * The lesson's Redis on the local cluster: the lesson's connection (A) is one node's, moved as redis-cli -c
 * moves it (a MOVED or ASK reply is followed and the line it prints shown); `@node`, `@kill`, `@failover` and
 * `@cluster` run here; the checks read each key on the node that serves it. `initial`: the shape a clear goes back to.
 */
export async function openClusterRedis(topology: Topology, initial: ClusterShape): Promise<LessonRedis & { connection(): Connection }> {
  let main: { node: { host: string; port: number }; connection: Connection; redis: LessonRedis } | undefined;
  let plan: Interference | undefined;
  const attach = async (host: string, port: number) => {
    const connection = await nodeConnection(host, port, topology.cluster.shape);
    const redis = await openLessonRedis(connection);
    detach();
    redis.interfere(plan);
    main = { node: { host, port }, connection, redis };
  };
  const detach = () => {
    main?.redis.close();
    void main?.connection.close();
    main = undefined;
  };
  const here = () => {
    if (main === undefined) throw new Error('the lesson connection is not open');
    return main.redis;
  };
  const home = () => attach(topology.home().host, topology.home().port);
  await home();
  const nodeNamed = (name: string): LocalNode | undefined => topology.cluster.nodes.find((n) => n.name === name);
  const directive = (line: string, text: string): Executed => ({ kind: 'directive', line, text });
  const refused = (line: string, text: string): Executed => ({ kind: 'refused', line, text });

  async function clusterLine(line: string, meant: Extract<LessonLine, { kind: 'node' | 'kill' | 'failover' | 'topology' }>): Promise<Executed> {
    if (meant.kind === 'topology') {
      const started = Date.now();
      const fresh = await topology.ensure(meant.shape);
      await home();
      const nodes = topology.cluster.nodes.map((n) => `${n.name} ${n.host}:${n.port}`).join(', ');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      return directive(line, fresh ? clusterMsg.topologyReady(meant.shape, nodes, seconds) : clusterMsg.topologyEmptied(meant.shape, nodes));
    }
    const node = nodeNamed(meant.node);
    if (node === undefined) return refused(line, clusterMsg.unknownNode(meant.node, topology.cluster.nodes.map((n) => n.name)));
    if (meant.kind === 'node') return node.alive ? onNode(line, node, meant.command) : refused(line, clusterMsg.nodeDown(node.name));
    if (meant.kind === 'kill') {
      await topology.kill(node.name);
      const said = [clusterMsg.killed(node.name, node.pid)];
      if (main?.node.port === node.port) {
        // The lesson's connection would be left talking to nobody: it goes where redis-cli's user would go next.
        const next = topology.cluster.nodes.find((n) => n.alive && n.name === node.name.replace('primary', 'replica')) ?? topology.cluster.nodes.find((n) => n.alive)!;
        await attach(next.host, next.port);
        said.push(clusterMsg.connectionMoved(node.name, `${next.name} ${next.host}:${next.port}`));
      }
      return directive(line, said.join(' '));
    }
    if (topology.cluster.shape !== 'cluster' || node.role !== 'primary') return refused(line, clusterMsg.noFailover(node.name));
    if (node.alive) return refused(line, clusterMsg.notKilled(node.name));
    const started = Date.now();
    const promoted = await topology.cluster.waitForFailover(node.name);
    return directive(line, clusterMsg.failedOver(node.name, promoted.name, ((Date.now() - started) / 1000).toFixed(1)));
  }

  async function onNode(line: string, node: LocalNode, command: string): Promise<Executed> {
    const parsed = parseCommandLine(command);
    if (parsed.kind !== 'command') return refused(line, command);
    const args = parsed.args.map((a) => a.toString('utf8'));
    const name = args[0]!.toUpperCase();
    if (WAITING.has(name) || blockingTimeoutMs(args) !== undefined) return refused(line, clusterMsg.nodeWaits(command));
    const reply = await topology.raw.call(node.port, parsed.args).catch((err: Error) => {
      throw new UserError(clusterMsg.notFormed(topology.cluster.shape, `${node.name}: ${err.message}`), { cause: err });
    });
    const text = labelled(node.name, formatForCommand(parsed.args, reply, 'human'));
    return { kind: 'ran', line, on: node.name, name, args: args.slice(1), reply, text, unknown: reply.type === 'error' && reply.value.startsWith('ERR unknown command') };
  }

  /** A reply of MOVED or ASK followed as redis-cli -c follows it: the connection moves, the line it prints comes first. */
  async function followed(line: string, typedOn: string | undefined, first: Executed): Promise<Executed> {
    let done = first;
    const said: string[] = [];
    for (let i = 0; i < MAX_REDIRECTS && done.kind === 'ran'; i++) {
      const to = redirectOf(done.reply);
      if (to === undefined) break;
      said.push(redirectedLine(to));
      await attach(to.host || main!.node.host, to.port);
      if (to.kind === 'ASK') await here().execute('ASKING');
      done = await here().execute(line, typedOn);
    }
    return said.length === 0 ? done : { ...done, text: [...said, done.text].join('\n') };
  }

  async function readAll(keys: string[]): Promise<{ keys: Record<string, KeySnapshot>; allKeys: string[] }> {
    const snaps: Record<string, KeySnapshot> = {};
    for (const key of keys) snaps[key] = await readKey(await topology.reader(topology.ownerOf(key)), key);
    const allKeys: string[] = [];
    for (const node of topology.primaries()) allKeys.push(...(await learnerKeys(await topology.reader(node))));
    return { keys: snaps, allKeys };
  }

  return {
    get prompt() {
      return here().prompt;
    },
    promptOf(on) {
      const node = nodeNamed(on);
      return node === undefined ? here().promptOf(on) : `${node.name} ${node.host}:${node.port}> `;
    },
    get url() {
      return here().url;
    },
    owned: true,
    clockJumps: false,
    connection: () => main!.connection,
    async execute(line, typedOn) {
      const meant = classifyLine(line);
      if (meant.kind === 'node' || meant.kind === 'kill' || meant.kind === 'failover' || meant.kind === 'topology') return clusterLine(line, meant);
      const done = await here().execute(line, typedOn);
      const onMain = meant.kind === 'command' && (meant.labelled ? meant.on : (typedOn ?? MAIN)) === MAIN;
      return onMain ? followed(line, typedOn, done) : done;
    },
    output: () => here().output(),
    settle: () => here().settle(),
    guard: async () => undefined,
    endStep: () => here().endStep(),
    received: () => here().received(),
    config: (names) => here().config(names),
    interfere(next) {
      plan = next;
      here().interfere(next);
    },
    writes: (name) => here().writes(name),
    read: readAll,
    // Drawn from the node that serves the key, as the checks read it (the lesson's connection may be elsewhere).
    async show(key) {
      const node = topology.ownerOf(key);
      const client = await RespClient.connect({ host: node.host, port: node.port, tls: false, source: 'the local cluster' });
      try {
        return await (await import('../repl/show.js')).renderShow(client, key);
      } finally {
        client.close();
      }
    },
    help: (topic) => here().help(topic),
    async clear() {
      plan = undefined;
      // Back to the lesson's first topology, whole and empty, the connection on its first primary: a rebuilt
      // step's start replays the `@cluster` lines from there, whichever shape was running.
      await topology.ensure(initial);
      await home();
    },
    close: detach,
  };
}
