import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server.js';

// A TLS-only redis-server with a throwaway self-signed certificate, trusted through NODE_EXTRA_CA_CERTS.
let redis: TestRedis;
let tlsPort: number;
let dir: string;
let cert: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'repl-tls-'));
  cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
  tlsPort = await freePort();
  redis = await startRedis(['--tls-port', String(tlsPort), '--tls-cert-file', cert, '--tls-key-file', key, '--tls-ca-cert-file', cert, '--tls-auth-clients', 'no', '--requirepass', 'sesame']);
});
afterAll(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('pipe mode over TLS with a password, the REPL opening its own connection to the same endpoint', async () => {
  const result = await runBin(['repl', '--url', `rediss://:sesame@localhost:${tlsPort}/4`], {
    input: 'SET over tls\nGET over\nCLIENT INFO\n',
    env: { NODE_EXTRA_CA_CERTS: cert, XDG_CONFIG_HOME: dir },
  });
  expect(result.stderr).toContain(`at localhost:${tlsPort}, db 4`);
  expect(result.stdout).toMatch(/^OK\n"tls"\nid=\d+ .* db=4 /);
  expect(result.code).toBe(0);
});
