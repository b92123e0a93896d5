// The built-in engine against a real redis-server, side by side, with redis-benchmark (Debian's
// redis-tools): requests per second per test and the engine's share of Redis's figure, unpipelined and
// at -P 16, over interleaved rounds (the machine may be shared: compare ratios, not absolute figures),
// then both processes' RSS after a million small keys. A bare Node server that only answers PING gives the
// ceiling Node itself sets on the PING tests. BENCH_TESTS, BENCH_REQUESTS, BENCH_ROUNDS and
// BENCH_KEYS narrow it (BENCH_ROUNDS=0: only the memory comparison).
// The engine runs from dist/ (npm run build first) in its own node process, as the tutor runs it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Every redis-benchmark default test unless BENCH_TESTS names some (its -t list).
const TESTS = process.env.BENCH_TESTS ?? '';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Keys for the memory comparison (0 skips it). */
const KEYS = Number(process.env.BENCH_KEYS ?? 1000000);
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

/** redis-benchmark's figures for one test (or all of `TESTS`) against one server. */
function bench(port, pipeline, tests = TESTS) {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-q', '-n', String(REQUESTS)];
  if (tests !== '') args.push('-t', tests);
  if (pipeline > 1) args.push('-P', String(pipeline));
  const r = spawnSync('redis-benchmark', args, { encoding: 'utf8' });
  const figures = new Map();
  for (const line of r.stdout.split(/[\r\n]+/)) {
    const m = /^([A-Z0-9_]+)(?: \([^)]*\))?: ([\d.]+) requests per second/.exec(line.trim());
    // "LPUSH (needed to benchmark LRANGE)" is not the LPUSH test: keep the first LPUSH figure.
    if (m && !figures.has(m[1])) figures.set(m[1], Number(m[2]));
  }
  return figures;
}

/** A process's resident memory (bytes), from /proc. */
function rss(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

const geo = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-'));
/** A redis-server and the engine, each in its own process on a free port. */
async function startPair() {
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const enginePort = await freePort();
  const engine = spawn(
    process.execPath,
    ['--input-type=module', '-e', `const { startBuiltinEngine } = await import(${JSON.stringify(path.join(root, 'dist/builtin/start.js'))}); await startBuiltinEngine({ port: ${enginePort} });`],
    { stdio: 'ignore' },
  );
  return { redisPort, redis, enginePort, engine };
}
let { redisPort, redis, enginePort, engine } = await startPair();
// Node's own ceiling (pong-server.mjs): its share of Redis's PING figures bounds what any server written for
// Node can reach on this machine.
const pongPort = await freePort();
const pong = spawn(process.execPath, [path.join(root, 'test/bench/pong-server.mjs'), String(pongPort)], { stdio: 'ignore' });
try {
  await Promise.all([waitForPort(redisPort), waitForPort(enginePort), waitForPort(pongPort)]);
  // One short untimed pass first: V8 compiles the engine's hot paths on first use; Redis has no warm-up.
  if (ROUNDS > 0) spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(enginePort), '-q', '-n', '20000', '-P', '16', ...(TESTS ? ['-t', TESTS] : [])], { encoding: 'utf8' });
  console.log(`(engine warmed up with 20000 requests per test; machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  console.log(`(${ROUNDS} interleaved rounds: each round runs Redis then the engine; the ratio is the median of the rounds' ratios)`);
  for (const pipeline of ROUNDS > 0 ? [1, 16] : []) {
    const ratios = new Map();
    const last = new Map();
    for (let round = 0; round < ROUNDS; round++) {
      const real = bench(redisPort, pipeline);
      const ours = bench(enginePort, pipeline);
      for (const [name, rps] of real) {
        const mine = ours.get(name);
        if (!ratios.has(name)) ratios.set(name, []);
        ratios.get(name).push(mine === undefined ? 0 : mine / rps);
        last.set(name, [rps, mine]);
      }
    }
    const goal = pipeline > 1 ? 0.6 : 0.8;
    console.log(`\nredis-benchmark -q -n ${REQUESTS}${TESTS ? ` -t ${TESTS}` : ''}${pipeline > 1 ? ` -P ${pipeline}` : ''}  (goal: engine/redis >= ${goal})`);
    console.log(`${'test'.padEnd(12)} ${'redis rps'.padStart(12)} ${'engine rps'.padStart(12)} ${'engine/redis'.padStart(13)}`);
    const medians = [];
    for (const [name, rs] of ratios) {
      const sorted = [...rs].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      medians.push(Math.max(median, 1e-6));
      const [rps, mine] = last.get(name);
      console.log(`${name.padEnd(12)} ${rps.toFixed(0).padStart(12)} ${(mine?.toFixed(0) ?? 'failed').padStart(12)} ${median.toFixed(2).padStart(12)}x${median < goal ? '  below goal' : ''}`);
    }
    console.log(`${'geomean'.padEnd(38)} ${geo(medians).toFixed(2).padStart(12)}x`);
    const ceiling = [];
    for (let round = 0; round < ROUNDS; round++) {
      const real = bench(redisPort, pipeline, 'ping_inline,ping_mbulk');
      const bare = bench(pongPort, pipeline, 'ping_inline,ping_mbulk');
      for (const [name, rps] of real) if (bare.has(name)) ceiling.push(bare.get(name) / rps);
    }
    if (ceiling.length > 0) console.log(`(Node's ceiling here: a bare Node server answering +PONG reaches ${geo(ceiling).toFixed(2)}x Redis on PING_INLINE/PING_MBULK)`);
  }
  if (KEYS > 0) {
    // Memory for many small keys, on fresh processes (the speed tests' data and heap growth would count
    // otherwise): redis-benchmark -t set -r KEYS -n 2*KEYS on both, then each process's RSS.
    if (ROUNDS > 0) {
      redis.kill('SIGKILL');
      engine.kill('SIGKILL');
      ({ redisPort, redis, enginePort, engine } = await startPair());
      await Promise.all([waitForPort(redisPort), waitForPort(enginePort)]);
    }
    for (const port of [redisPort, enginePort]) spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-q', '-t', 'set', '-r', String(KEYS), '-n', String(2 * KEYS), '-P', '16'], { encoding: 'utf8' });
    const [r, e] = [rss(redis.pid), rss(engine.pid)];
    const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
    console.log(`\nRSS after redis-benchmark -t set -r ${KEYS} -n ${2 * KEYS} -P 16: redis ${mb(r)}, engine ${mb(e)}, engine/redis ${(e / r).toFixed(2)}x (goal <= 2.5x)`);
  }
} finally {
  redis.kill('SIGKILL');
  engine.kill('SIGKILL');
  pong.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
