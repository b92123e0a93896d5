// Start-up: median wall time of `redis-tutor --version` beside bare `node -e 0`, and of `doctor` against
// a local redis-server this script starts on a free port. Prints figures; never fails on timing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/redis-tutor.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(args, env = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

time(['-e', '0']); // warm the disk cache
const bare = time(['-e', '0']);
const version = time([bin, '--version']);
console.log(`node -e 0                 median ${bare.toFixed(1)} ms  (${RUNS} runs)`);
console.log(`redis-tutor --version     median ${version.toFixed(1)} ms  = ${(version / bare).toFixed(2)}x bare node (target <= 1.6x)`);

const port = await freePort();
const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-'));
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
try {
  const doctor = time([bin, 'doctor'], { REDIS_TUTOR_LOCAL: `127.0.0.1:${port}`, NO_COLOR: '1' });
  console.log(`redis-tutor doctor        median ${doctor.toFixed(1)} ms  (against a local redis-server)`);
} finally {
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
