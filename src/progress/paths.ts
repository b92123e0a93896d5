import os from 'node:os';
import path from 'node:path';

/**
 * The tutor's config folder: %APPDATA%\redis-tutor on Windows, else $XDG_CONFIG_HOME/redis-tutor,
 * else ~/.config/redis-tutor. Progress and history live there.
 */
export function configDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'redis-tutor');
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, 'redis-tutor');
  return path.join(env.HOME || os.homedir(), '.config', 'redis-tutor');
}

export function progressFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'progress.json');
}
