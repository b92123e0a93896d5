// Pipe mode against redis-cli: 100,000 SET/INCR/RPUSH lines through the compiled `redis-tutor repl`, through
// `redis-cli` (which waits for each reply), and through `redis-cli --pipe` (the floor), all on one local
// redis-server started here. Prints times and the tutor's peak memory; never fails on timing.
// Targets (issue 3): the tutor under 0.15x redis-cli's time, within 10x of --pipe.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LINES = 100_000;
const bin = fileURLToPath(new URL('../../bin/redis-tutor.js', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-repl-'));
const file = path.join(dir, 'commands.txt');
const lines = [];
for (let i = 0; i < LINES; i++) {
  const n = i % 3;
  if (n === 0) lines.push(`SET key:${i} value-${i}`);
  else if (n === 1) lines.push(`INCR counter:${i % 100}`);
  else lines.push(`RPUSH list:${i % 100} item-${i}`);
}
writeFileSync(file, `${lines.join('\n')}\n`);

const port = await new Promise((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = srv.address();
    srv.close(() => resolve(p));
  });
});
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
const cli = (...args) => spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
for (let i = 0; i < 100 && cli('PING').stdout.trim() !== 'PONG'; i++) await new Promise((r) => setTimeout(r, 50));

/** Runs a command with the file on stdin; returns seconds, output line count and peak RSS (from /proc). */
function timed(command, args) {
  cli('FLUSHALL');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: dir } });
    let newlines = 0;
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // Gone already.
      }
    }, 20);
    child.stdout.on('data', (d) => {
      for (const byte of d) if (byte === 10) newlines++;
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ seconds, newlines, peakMb: peakKb / 1024, code });
    });
    child.stdin.end(readFileSync(file));
  });
}

try {
  const url = `redis://127.0.0.1:${port}/0`;
  const tutor = await timed(process.execPath, [bin, 'repl', '--url', url]);
  const tutorPlain = await timed(process.execPath, [bin, 'repl', '--no-coach', '--url', url]);
  const redisCli = await timed('redis-cli', ['-p', String(port), '--no-raw']);
  const pipe = await timed('redis-cli', ['-p', String(port), '--pipe']);
  const row = (name, r, extra = '') => console.log(`${name.padEnd(34)} ${r.seconds.toFixed(2).padStart(7)} s ${String(r.newlines).padStart(8)} lines out${extra}`);
  console.log(`${LINES.toLocaleString('en')} lines (SET / INCR / RPUSH), redis-server on 127.0.0.1:${port}`);
  row('redis-tutor repl (coach on)', tutor, `   peak RSS ${tutor.peakMb.toFixed(0)} MB`);
  row('redis-tutor repl --no-coach', tutorPlain, `   peak RSS ${tutorPlain.peakMb.toFixed(0)} MB`);
  row('redis-cli --no-raw', redisCli);
  row('redis-cli --pipe (floor)', pipe);
  const ratio = (a, b) => (a.seconds / b.seconds).toFixed(3);
  console.log(`tutor / redis-cli: ${ratio(tutor, redisCli)}x (coach on), ${ratio(tutorPlain, redisCli)}x (--no-coach)   target < 0.15x`);
  console.log(`tutor / --pipe:    ${ratio(tutor, pipe)}x (coach on), ${ratio(tutorPlain, pipe)}x (--no-coach)   target < 10x`);
  if (tutor.newlines !== LINES || redisCli.newlines !== LINES) console.log(`warning: expected ${LINES} reply lines each`);
} finally {
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
