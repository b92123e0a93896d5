// The built-in engine against a real redis-server, side by side, with redis-benchmark (Debian's
// redis-tools): requests per second per command and the engine's share of Redis's figure.
// The engine runs from dist/ (npm run build first) in its own node process, as the tutor runs it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TESTS = 'set,get,incr,lpush,lpop,sadd,hset,zadd';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100000);

if (spawnSync('redis-benchmark', ['--version']).error) {
  console.log('redis-benchmark not found (Debian/Ubuntu: apt-get install redis-tools): skipped.');
  process.exit(0);
}
if (!existsSync(path.join(root, 'dist/builtin/start.js'))) {
  console.log('dist/builtin/start.js is missing: run npm run build first.');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

function bench(port, pipeline) {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-q', '-n', String(REQUESTS), '-t', TESTS];
  if (pipeline > 1) args.push('-P', String(pipeline));
  const r = spawnSync('redis-benchmark', args, { encoding: 'utf8' });
  const figures = new Map();
  for (const line of r.stdout.split(/[\r\n]+/)) {
    const m = /^([A-Z_]+)(?: \([^)]*\))?: ([\d.]+) requests per second/.exec(line.trim());
    if (m) figures.set(m[1], Number(m[2]));
  }
  return figures;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-'));
const redisPort = await freePort();
const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
const enginePort = await freePort();
const engine = spawn(
  process.execPath,
  ['--input-type=module', '-e', `const { startBuiltinEngine } = await import(${JSON.stringify(path.join(root, 'dist/builtin/start.js'))}); await startBuiltinEngine({ port: ${enginePort} });`],
  { stdio: 'ignore' },
);
try {
  await Promise.all([waitForPort(redisPort), waitForPort(enginePort)]);
  // One short untimed pass first: V8 compiles the engine's hot paths on first use; Redis has no warm-up.
  spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(enginePort), '-q', '-n', '20000', '-t', TESTS, '-P', '16'], { encoding: 'utf8' });
  console.log(`(engine warmed up with 20000 requests per command; machine: ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  for (const pipeline of [1, 16]) {
    const real = bench(redisPort, pipeline);
    const ours = bench(enginePort, pipeline);
    console.log(`\nredis-benchmark -q -n ${REQUESTS} -t ${TESTS}${pipeline > 1 ? ` -P ${pipeline}` : ''}`);
    console.log(`${'command'.padEnd(8)} ${'redis rps'.padStart(12)} ${'engine rps'.padStart(12)} ${'engine/redis'.padStart(13)}`);
    for (const [name, rps] of real) {
      const mine = ours.get(name);
      const ratio = mine === undefined ? 'n/a' : `${((mine / rps) * 100).toFixed(0)}%`;
      console.log(`${name.padEnd(8)} ${rps.toFixed(0).padStart(12)} ${(mine?.toFixed(0) ?? 'failed').padStart(12)} ${ratio.padStart(13)}`);
    }
  }
} finally {
  redis.kill('SIGKILL');
  engine.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
