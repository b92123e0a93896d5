import net from 'node:net';

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number> {
  return freePorts(1).then(([port]) => port!);
}

/**
 * `count` loopback ports nothing listens on now, all different: every one is held until all are found, so
 * that the servers of one local cluster (and their cluster bus ports) never pick the same one.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listenAnywhere()));
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function listenAnywhere(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
