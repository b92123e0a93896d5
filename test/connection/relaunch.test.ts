import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { findRedisServer } from '../../src/connection/find-server.js';
import { freePort } from '../../src/connection/ports.js';
import { startOwnedServer, type OwnedServer } from '../../src/connection/owned-server.js';
import { RespClient } from '../../src/resp/client.js';

/**
 * A private server started again on its own port (a lesson's restart) while another program briefly holds
 * that port, as a check for a free port does (listen, then close): the relaunch waits for the port instead
 * of failing the lesson with "Address already in use".
 */

let server: OwnedServer | undefined;
afterEach(() => {
  server?.stop();
  server = undefined;
});

it('a relaunch whose port is held for a moment starts once it is free', async () => {
  const bin = findRedisServer(process.env);
  expect(bin, 'redis-server is needed').toBeDefined();
  server = await startOwnedServer(bin!, async () => ({ port: await freePort(), config: ["save ''", 'appendonly no'] }), { sweep: false });
  const port = server.port;
  await server.kill();
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
  // Released well inside the relaunch's retries (2 s), however late the timer fires on a busy machine.
  const release = setTimeout(() => holder.close(), 300);
  try {
    await server.relaunch();
  } finally {
    clearTimeout(release);
    holder.close();
  }
  const client = await RespClient.connect({ host: '127.0.0.1', port, tls: false, source: 'test' });
  try {
    expect(await client.call(['PING'])).toEqual({ type: 'simple', value: 'PONG' });
  } finally {
    client.close();
  }
});
