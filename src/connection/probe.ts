import net from 'node:net';
import tls from 'node:tls';
import type { Endpoint } from './options.js';

/**
 * What answered at an address, found with one raw PING before any client library is involved, so that
 * a closed port, a silent peer, TLS on one side only, or an HTTP server are told apart instead of hanging.
 */
export type ProbeResult =
  | { kind: 'redis'; firstReply: string }
  | { kind: 'refused' }
  | { kind: 'unknown-host' }
  | { kind: 'timeout'; connected: boolean }
  | { kind: 'not-redis'; firstBytes: string }
  | { kind: 'closed' }
  | { kind: 'tls-mismatch'; detail: string }
  | { kind: 'network'; code: string; detail: string };

const PING = '*1\r\n$4\r\nPING\r\n';
/** A RESP2/RESP3 reply always starts with one of these bytes; anything else is another protocol. */
const RESP_TYPE_BYTES = new Set(['+', '-', ':', '$', '*', '_', ',', '#', '!', '=', '(', '%', '~', '>', '|']);

export function probe(endpoint: Endpoint, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let connected = false;
    let received = '';
    let settled = false;
    const socket = endpoint.tls
      ? tls.connect({ host: endpoint.host, port: endpoint.port, servername: net.isIP(endpoint.host) ? undefined : endpoint.host, rejectUnauthorized: false })
      : net.connect({ host: endpoint.host, port: endpoint.port });
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    let tcpConnected = false;
    // A plain server sent a TLS ClientHello just waits for the rest of a "command": the handshake never ends.
    const timer = setTimeout(
      () => finish(endpoint.tls && tcpConnected && !connected ? { kind: 'tls-mismatch', detail: 'no TLS handshake' } : { kind: 'timeout', connected }),
      timeoutMs,
    );
    socket.once('connect', () => (tcpConnected = true));
    socket.once(endpoint.tls ? 'secureConnect' : 'connect', () => {
      connected = true;
      socket.write(PING);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const first = received[0] ?? '';
      if (!RESP_TYPE_BYTES.has(first)) {
        finish({ kind: 'not-redis', firstBytes: printable(received.slice(0, 40)) });
      } else if (received.includes('\r\n')) {
        finish({ kind: 'redis', firstReply: received.slice(0, received.indexOf('\r\n')) });
      }
    });
    socket.on('end', () => finish(received === '' ? { kind: 'closed' } : { kind: 'not-redis', firstBytes: printable(received) }));
    socket.on('close', () => finish({ kind: 'closed' }));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(classify(err, endpoint.tls)));
  });
}

function classify(err: NodeJS.ErrnoException, usingTls: boolean): ProbeResult {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { kind: 'unknown-host' };
  if (usingTls && (code === 'EPROTO' || code.startsWith('ERR_SSL') || /SSL|TLS|wrong version/i.test(err.message))) {
    return { kind: 'tls-mismatch', detail: err.message };
  }
  if (usingTls && code === 'ECONNRESET') return { kind: 'tls-mismatch', detail: err.message };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { kind: 'closed' };
  return { kind: 'network', code, detail: err.message };
}

function printable(s: string): string {
  return s.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/[^\x20-\x7e]/g, '?');
}
