import type { Redis as RedisClient } from 'ioredis';
import { UserError } from '../errors.js';
import { escapeText, quoteName } from '../ui/escape.js';
import { msg } from '../ui/messages.js';
import { address, type Endpoint } from './options.js';
import { probe, type ProbeResult } from './probe.js';
import { serverMsg } from './messages.js';
import { RespRedis } from './resp-redis.js';

export type { RedisClient };

/**
 * Opens the tutor's client (ioredis-shaped: ./resp-redis.ts) on an endpoint that is known to be there, or
 * throws a UserError that names the cause and the fix. The raw probe comes first so that nothing ever hangs on a peer that is not Redis.
 */
export async function openClient(endpoint: Endpoint, timeoutMs: number): Promise<{ client: RedisClient; version: string }> {
  const found = await probe(endpoint, timeoutMs);
  if (found.kind !== 'redis') throw probeError(endpoint, found);
  // An error before any command was read (protected mode's DENIED, maxclients) is the server's reason for
  // closing: ioredis reports only "Connection is closed.", so it is kept from the probe's PING.
  // The server's own words are escaped where shown: a server can send anything.
  const refusal = /^-(?!NOAUTH)/.test(found.firstReply) ? found.firstReply.slice(1) : undefined;
  if (refusal?.startsWith('DENIED')) throw new UserError(serverMsg.protectedMode(address(endpoint), escapeText(refusal)));
  // The tutor's own client in ioredis' shape: ioredis itself took as long to load as the rest of the tutor.
  const client = new RespRedis(endpoint, timeoutMs) as unknown as RedisClient;
  let lastError: Error | undefined;
  client.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await client.connect();
    const info = String(await client.info('server'));
    // Shown in headers and messages: a server's text, so escaped as a name the tutor did not write.
    return { client, version: escapeText(/redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown') };
  } catch (err) {
    client.disconnect();
    // ioredis rejects connect() with "Connection is closed." and reports the server's reason as an event.
    const reason = lastError ?? (err as Error);
    // The tutor's client reads the server's error before the close; ioredis only saw the connection closed.
    const closed = /Connection is closed/.test(reason?.message ?? '') || reason?.message === refusal;
    if (refusal !== undefined && closed) throw new UserError(serverMsg.closedSaying(address(endpoint), escapeText(refusal)), { cause: reason });
    throw authError(endpoint, reason);
  }
}

export function probeError(endpoint: Endpoint, found: Exclude<ProbeResult, { kind: 'redis' }>): UserError {
  const where = address(endpoint);
  switch (found.kind) {
    case 'refused':
      return new UserError(msg.refused(where, endpoint.source));
    case 'unknown-host':
      return new UserError(msg.unknownHost(endpoint.host, endpoint.source));
    case 'timeout':
      return new UserError(found.connected ? msg.silentPeer(where) : msg.timeout(where));
    case 'not-redis':
      return new UserError(msg.notRedis(where, found.firstBytes));
    case 'closed':
      return new UserError(endpoint.tls ? msg.closedOnTls(where) : msg.closedMaybeTls(where));
    case 'tls-mismatch':
      return new UserError(msg.tlsMismatch(where));
    case 'network':
      return new UserError(msg.networkError(where, escapeText(found.code || found.detail)));
  }
}

function authError(endpoint: Endpoint, err: Error): UserError {
  const where = address(endpoint);
  const text = err?.message ?? String(err);
  if (/^NOAUTH|NOAUTH/.test(text)) return new UserError(msg.noAuth(where), { cause: err });
  if (/WRONGPASS|invalid password|invalid username-password/i.test(text)) {
    return new UserError(msg.wrongPass(where, endpoint.username === undefined ? undefined : quoteName(endpoint.username)), { cause: err });
  }
  if (/without any password configured/i.test(text)) return new UserError(msg.passwordNotNeeded(where), { cause: err });
  return new UserError(msg.connectFailed(where, escapeText(text)), { cause: err });
}

// Here too for the modules that open a client; the course's guards import it alone (./versions.ts).
export { versionAtLeast } from './versions.js';
