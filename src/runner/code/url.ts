import type { Endpoint } from '../../connection/options.js';

/**
 * The URL a learner's program connects with (REDIS_URL): the lesson's server, its credentials, and the
 * playground database (`redis://127.0.0.1:6379/15`); undefined without a host to name. Pure.
 */
export function programUrl(endpoint: Endpoint, db: number): string | undefined {
  if (endpoint.host === '') return undefined;
  const user = endpoint.username === undefined ? '' : encodeURIComponent(endpoint.username);
  const password = endpoint.password === undefined ? '' : `:${encodeURIComponent(endpoint.password)}`;
  const auth = user === '' && password === '' ? '' : `${user}${password}@`;
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${endpoint.tls ? 'rediss' : 'redis'}://${auth}${host}:${endpoint.port}/${db}`;
}
