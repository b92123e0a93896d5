// Pasting into the interactive REPL, in a real pseudo-terminal (a tmux session of this script's own), against a
// local redis-server it starts on a free port: the time from pasting one long line (`append <key> <value>`,
// 10 KB, 100 KB, 1 MB) and Enter until its reply shows, and the time from pressing Ctrl+C right after pasting
// such a line until the cleared prompt shows. Beside it, the same paste into Node's bare readline (a few lines
// that answer with the length of the line's last word): the floor the REPL's own editing starts from.
// (redis-cli is no yardstick here: it keeps only the first 4 KB of a line.)
// A measurement that takes longer than BENCH_LIMIT_S seconds (default 60) is reported as such and abandoned.
// Prints figures; never fails on timing.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/redis-tutor.js', import.meta.url));
const LIMIT_MS = Number(process.env.BENCH_LIMIT_S ?? 60) * 1000;
const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];
const SOCKET = ['-L', `rt-bench-${process.pid}`];
const tmux = (...args) => execFileSync('tmux', [...SOCKET, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
let sessions = 0;

/** Starts `command` in a new tmux session and waits until `ready` is on its screen. */
async function open(command, env, ready) {
  const name = `paste-${sessions++}`;
  const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
  tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', `env ${vars} ${command}; sleep 600`);
  if ((await until(name, ready, 10_000)) === undefined) throw new Error(`${command} did not show ${ready}:\n${screen(name)}`);
  return name;
}

const screen = (name) => tmux('capture-pane', '-p', '-t', name).replace(/\s+$/, '');

/** Polls the screen until `pattern` shows; the milliseconds that took, or undefined past `limit`. */
async function until(name, pattern, limit = LIMIT_MS) {
  const t0 = performance.now();
  for (;;) {
    if (pattern.test(screen(name))) return performance.now() - t0;
    if (performance.now() - t0 > limit) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Pastes `text` into the session as a terminal does (tmux writes it to the pty), then presses `keys`. */
function paste(name, text, ...keys) {
  const file = path.join(dir, 'paste.txt');
  writeFileSync(file, text);
  tmux('load-buffer', '-b', 'bench', file);
  tmux('paste-buffer', '-b', 'bench', '-t', name);
  if (keys.length > 0) tmux('send-keys', '-t', name, ...keys);
}

const value = (bytes) => 'abcdefghij'.repeat(Math.ceil(bytes / 10)).slice(0, bytes);
const figure = (ms) => (ms === undefined ? `> ${LIMIT_MS / 1000} s (abandoned)` : `${(ms / 1000).toFixed(2)} s`);
const size = (bytes) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

const port = await freePort();
const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-paste-'));
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
const tutorEnv = { XDG_CONFIG_HOME: dir, TERM: 'xterm-256color', REDIS_TUTOR_LANG: 'en', FORCE_COLOR: '1' };
const tutor = `${quote(process.execPath)} ${quote(bin)} repl --url redis://127.0.0.1:${port}`;
const PROMPT = /\[?\d*\]?> ?$/;
const BARE = `${quote(process.execPath)} -e ${quote(
  `const rl = require('node:readline').createInterface({ input: process.stdin, output: process.stdout, prompt: 'node> ' });
  rl.on('line', (line) => {
    if (line === 'clear') process.stdout.write('\\x1b[H\\x1b[2J');
    else console.log('(integer) ' + line.split(' ').pop().length);
    rl.prompt();
  });
  rl.prompt();`,
)}`;
let key = 0;

/** Pastes one line of `bytes` and Enter; the time until its reply (the value's length) shows. */
async function answer(name, bytes) {
  const k = `paste:${key++}`;
  tmux('send-keys', '-t', name, 'clear', 'Enter');
  await until(name, /^\S*> ?$/, 5000);
  const t0 = performance.now();
  paste(name, `append ${k} ${value(bytes)}`, 'Enter');
  const ms = await until(name, new RegExp(`^\\(integer\\) ${bytes}$`, 'm'));
  return ms === undefined ? undefined : performance.now() - t0;
}

try {
  console.log(`paste of one line, until its reply shows (terminal 120 columns)`);
  let name = await open(tutor, tutorEnv, PROMPT);
  let bare = await open(BARE, {}, PROMPT);
  for (const bytes of SIZES) {
    const ours = await answer(name, bytes);
    const theirs = await answer(bare, bytes);
    console.log(`  ${size(bytes).padEnd(7)} redis-tutor repl ${figure(ours).padEnd(22)} bare readline ${figure(theirs)}`);
    if (ours === undefined) name = await open(tutor, tutorEnv, PROMPT);
    if (theirs === undefined) bare = await open(BARE, {}, PROMPT);
  }
  console.log(`Ctrl+C pressed right after pasting a line (no Enter), until the cleared prompt shows`);
  for (const bytes of SIZES) {
    tmux('send-keys', '-t', name, 'clear', 'Enter');
    await until(name, /^\S*> ?$/, 5000);
    const t0 = performance.now();
    paste(name, `append paste:c ${value(bytes)}`, 'C-c');
    const ms = await until(name, /\^C\n\S*> ?$/);
    console.log(`  ${size(bytes).padEnd(7)} ${figure(ms === undefined ? undefined : performance.now() - t0)}`);
    if (ms === undefined) name = await open(tutor, tutorEnv, PROMPT);
  }
} finally {
  try {
    tmux('kill-server');
  } catch {
    // Already gone.
  }
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
