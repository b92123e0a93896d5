import { statSync } from 'node:fs';
import path from 'node:path';

/** REDIS_SERVER_BIN, else the first `redis-server` on PATH, else undefined. */
export function findRedisServer(env: NodeJS.ProcessEnv): string | undefined {
  if (env.REDIS_SERVER_BIN) return isFile(env.REDIS_SERVER_BIN) ? env.REDIS_SERVER_BIN : undefined;
  const names = process.platform === 'win32' ? ['redis-server.exe', 'redis-server'] : ['redis-server'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
