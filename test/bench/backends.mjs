// For the benchmarks that run lines through the lesson runner (dist/, npm run build first): each backend
// a lesson may meet, a private redis-server and the built-in engine, opened and closed around `run`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function eachBackend(run) {
  if (!existsSync(path.join(root, 'dist/runner/redis.js'))) {
    console.log('dist/runner/redis.js is missing: run npm run build first.');
    process.exit(1);
  }
  const { resolveConnection } = await import(path.join(root, 'dist/connection/resolve.js'));
  const { openLessonRedis } = await import(path.join(root, 'dist/runner/redis.js'));
  for (const [label, request] of [
    ['redis-server (private)', { kind: 'spawn' }],
    ['built-in engine', { kind: 'builtin' }],
  ]) {
    const connection = await resolveConnection(request, { playground: true, env: process.env });
    const redis = await openLessonRedis(connection);
    try {
      console.log(`\n${label}${connection.version ? ` ${connection.version}` : ''}`);
      await redis.clear();
      await run(redis);
      await redis.clear();
    } finally {
      redis.close();
      await connection.close();
    }
  }
}
