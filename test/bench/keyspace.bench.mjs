// The keyspace lesson's figures (R14, R15), on a private redis-server and on the built-in engine, through
// the lesson runner itself (dist/, npm run build first): how long `@fixture` takes to load 10,000 and
// 100,000 keys by pipeline, and what the latency probe measures for KEYS against SCAN, and DEL against
// UNLINK of a 100,000-member set. Each probe runs ROUNDS times; the slowest PONG of each round is printed.
import { eachBackend } from './backends.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const seconds = (text) => Number(/pipelined: ([\d.]+) s/.exec(text)?.[1]);
const figures = (text) => {
  const took = /took ([\d.]+) ms|([\d.]+) ms in all/.exec(text);
  const pong = /slowest PONG took ([\d.]+) ms \(median ([\d.]+) ms/.exec(text);
  return { took: Number(took?.[1] ?? took?.[2]), slowest: Number(pong?.[1]), median: Number(pong?.[2]) };
};
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await eachBackend(async (redis) => {
  const load10k = seconds((await redis.execute('@fixture 10000 SET msg:{i} hello')).text);
  const load100k = seconds((await redis.execute('@fixture 100000 SET msg:{i} hello')).text);
  for (const user of [1, 2, 3]) await redis.execute(`HSET user:${user} name u${user}`);
  console.log(`  @fixture SET msg:{i}: 10,000 keys in ${load10k.toFixed(2)} s, 100,000 keys in ${load100k.toFixed(2)} s`);
  const row = (name, runs) =>
    console.log(
      `  ${name.padEnd(38)} command ${med(runs.map((r) => r.took)).toFixed(1).padStart(6)} ms · slowest PONG per round: ${runs.map((r) => r.slowest.toFixed(1)).join(', ')} ms · median PONG ${med(runs.map((r) => r.median)).toFixed(2)} ms`,
    );
  for (const command of ['KEYS user:*', 'KEYS *', 'SCAN 0 MATCH user:* COUNT 1000', 'SCAN 0 COUNT 1000']) {
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(figures((await redis.execute(`@probe ${command}`)).text));
    row(command, runs);
  }
  for (const command of ['DEL room:9:members', 'UNLINK room:9:members']) {
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) {
      await redis.execute('@fixture 100000 SADD room:9:members user{i}');
      runs.push(figures((await redis.execute(`@probe ${command}`)).text));
    }
    row(`${command} (100,000 members)`, runs);
  }
});
