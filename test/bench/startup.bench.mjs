// Start-up, side by side with bare `node -e 0` (medians, same machine, same run): `--version`, `list`, and a
// lesson until its first prompt is on the screen, against a local redis-server this script starts on a free
// port and on the built-in engine. Also `doctor`. Prints figures with their targets; never fails on timing.
// The cases run interleaved, round after round; BENCH_RUNS sets how many rounds.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/redis-tutor.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** The lesson's first prompt (its first step is read, then this pause), English forced by REDIS_TUTOR_LANG. */
const FIRST_PROMPT = 'Press Enter to go on';

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** A config folder of its own for each run: no progress, no history, nothing a learner has. */
function freshEnv(extra = {}) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-home-'));
  return { env: { ...process.env, XDG_CONFIG_HOME: home, REDIS_TUTOR_LANG: 'en', NO_COLOR: '1', ...extra }, done: () => rmSync(home, { recursive: true, force: true }) };
}

/** Wall time of one run of a command that runs to its end. */
function runOnce(args, extra = {}) {
  const { env, done } = freshEnv(extra);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  done();
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Runs each case once per round, round after round, so that a machine whose speed drifts during the
 * bench (a shared one does) slows every case alike; answers each case's times.
 */
async function interleaved(cases) {
  const times = cases.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (const [i, run] of cases.entries()) times[i].push(await run());
  }
  return times;
}

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Wall time until `text` appears on the output of `node <args>` run in a pseudo-terminal (util-linux
 * `script`; a lesson refuses to start without a terminal), then the whole process group is killed.
 * Without `text`, until the command ends (bare node, for the same harness's cost).
 */
function untilOnScreen(args, text) {
  const { env, done } = freshEnv();
  return new Promise((resolve, reject) => {
    const command = [process.execPath, ...args].map(quote).join(' ');
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let seen = '';
    let settled = false;
    const finish = (err) => {
      if (settled) return;
      settled = true;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      child.once('close', () => {
        done();
        if (err) reject(err);
        else resolve(ms);
      });
      if (child.exitCode !== null || child.signalCode !== null) child.emit('close');
    };
    const timer = setTimeout(() => finish(new Error(`no "${text}" within 20 s from ${args.join(' ')}:\n${seen}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (text !== undefined && seen.includes(text)) finish();
    });
    child.on('error', (err) => finish(err));
    child.on('exit', (code) => {
      if (text === undefined && code === 0) finish();
      else if (!settled) finish(new Error(`${args.join(' ')} ended (${code}) before "${text}":\n${seen}`));
    });
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const minimum = (values) => Math.min(...values);
const line = (label, times, bare, target) =>
  console.log(
    `${label.padEnd(44)} median ${median(times).toFixed(1).padStart(6)} ms = ${(median(times) / median(bare)).toFixed(2)}x bare node` +
      `${target === undefined ? '' : ` (target <= ${target}x)`}; fastest ${(minimum(times) / minimum(bare)).toFixed(2)}x`,
  );

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

const port = await freePort();
const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-'));
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
try {
  runOnce(['-e', '0']); // warm the disk cache
  console.log(`${RUNS} rounds, each running every case once in turn (machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  const doctorEnv = { REDIS_TUTOR_LOCAL: `127.0.0.1:${port}` };
  const [bare, version, list, doctor] = await interleaved([
    () => runOnce(['-e', '0']),
    () => runOnce([bin, '--version']),
    () => runOnce([bin, 'list']),
    () => runOnce([bin, 'doctor'], doctorEnv),
  ]);
  line('node -e 0', bare, bare);
  line('redis-tutor --version', version, bare, 1.25);
  line('redis-tutor list', list, bare, 1.5);
  line('redis-tutor doctor', doctor, bare);
  if (hasScript) {
    await untilOnScreen(['-e', '0']); // warm the harness
    const [barePty, url, builtin] = await interleaved([
      () => untilOnScreen(['-e', '0']),
      () => untilOnScreen([bin, 'lesson', 'intro', '--url', `redis://127.0.0.1:${port}`], FIRST_PROMPT),
      () => untilOnScreen([bin, 'lesson', 'intro', '--builtin'], FIRST_PROMPT),
    ]);
    console.log('(the lesson rows run in a pseudo-terminal, and are compared with bare node run there too)');
    line('node -e 0 (in a pty)', barePty, barePty);
    line('lesson intro --url, to its first prompt', url, barePty, 2);
    line('lesson intro --builtin, to its first prompt', builtin, barePty, 2);
  } else {
    console.log('lesson rows skipped: they need `script` (util-linux) for a pseudo-terminal');
  }
} finally {
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
