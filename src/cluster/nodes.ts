import { startOwnedServer, type OwnedServer, type ServerSetup } from '../connection/owned-server.js';
import { UserError } from '../errors.js';
import { Connections } from './connections.js';
import { clusterMsg } from './messages.js';
import type { ClusterShape } from './types.js';

/**
 * Starts one owned redis-server per setup, all at once (owned-server.ts: temp folder, watchdog, end on exit).
 * Only the first removes what killed runs left, since one sweep covers them all. When one cannot start, those
 * that did are stopped and its error is thrown.
 */
export async function startServers(bin: string, setups: readonly (() => Promise<ServerSetup>)[]): Promise<OwnedServer[]> {
  const results = await Promise.allSettled(setups.map((setup, i) => startOwnedServer(bin, setup, { sweep: i === 0 })));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) {
    for (const server of started) server.stop();
    throw failed.reason;
  }
  return started;
}

/** Stops the servers and resolves once every process is gone. */
export async function stopServers(servers: readonly OwnedServer[]): Promise<void> {
  for (const server of servers) server.stop();
  await Promise.all(servers.map((server) => server.current.exited));
}

/**
 * Runs `setUp` on started servers, with connections to them that it ends after; when it fails, stops the
 * servers and throws a UserError (an unexpected answer of a node becomes one that says what it was).
 */
export async function setUpOrStop<T>(shape: ClusterShape, servers: readonly OwnedServer[], setUp: (nodes: Connections) => Promise<T>): Promise<T> {
  const nodes = new Connections();
  try {
    return await setUp(nodes);
  } catch (err) {
    await stopServers(servers);
    throw err instanceof UserError ? err : new UserError(clusterMsg.notFormed(shape, (err as Error).message), { cause: err });
  } finally {
    nodes.close();
  }
}
