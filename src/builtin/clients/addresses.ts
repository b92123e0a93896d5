import type { Client } from '../client.js';

/** ip:port as Redis prints an address (IPv6 in brackets); a client without a socket is the engine's own. */
function format(address: string | undefined, port: number | undefined): string {
  if (address === undefined || port === undefined) return '?:0';
  const ip = address.startsWith('::ffff:') ? address.slice(7) : address;
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The client's end of the connection (CLIENT LIST's addr, MONITOR's lines). */
export function peerId(client: Client): string {
  return format(client.socket?.remoteAddress, client.socket?.remotePort);
}

/** The server's end (CLIENT LIST's laddr). */
export function localId(client: Client): string {
  return format(client.socket?.localAddress, client.socket?.localPort);
}
