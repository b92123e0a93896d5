import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { configDir } from '../../progress/paths.js';

/** Where a lesson's code files go unless --workspace says otherwise: `<config dir>/workspace/<lesson id>`. */
export function defaultWorkspace(env: NodeJS.ProcessEnv, lessonId: string): string {
  return path.join(configDir(env), 'workspace', lessonId);
}

/** The folder of the `redis` package the tutor itself depends on (node-redis). */
export function tutorRedisPackage(): string {
  return path.dirname(createRequire(import.meta.url).resolve('redis/package.json'));
}

/**
 * Makes `dir` a folder where `import { createClient } from 'redis'` works with no network: a package.json
 * with "type": "module" (unless the learner has their own), and node_modules/redis linked to the tutor's
 * own package (a junction on Windows, which needs no rights). A real node_modules/redis (the learner ran
 * `npm install redis` there) is theirs and stays.
 */
export function prepareWorkspace(dir: string, redisPackage = tutorRedisPackage()): void {
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'redis-tutor-workspace', private: true, type: 'module' }, null, 2)}\n`);
  const link = path.join(dir, 'node_modules', 'redis');
  const stat = lstatOrUndefined(link);
  // A link left by an older install of the tutor points nowhere now: link again.
  if (stat?.isSymbolicLink() && !existsSync(link)) unlinkSync(link);
  else if (stat !== undefined) return;
  symlinkSync(redisPackage, link, process.platform === 'win32' ? 'junction' : 'dir');
}

/** What became of a step's starter file: written now, already there as the starter, or the learner's own. */
export type Placed = 'written' | 'same' | 'kept';

/** Puts the starter in the workspace unless the learner's file is already there: theirs is never overwritten. */
export function placeStarter(dir: string, file: string, starter: string): Placed {
  const target = path.join(dir, file);
  if (!existsSync(target)) {
    writeFileSync(target, starter);
    return 'written';
  }
  return readFileSync(target, 'utf8') === starter ? 'same' : 'kept';
}

/** Puts the starter back over the learner's file, which is kept beside it as `<file>.bak`; returns that name. */
export function restoreStarter(dir: string, file: string, starter: string): string {
  const backup = `${file}.bak`;
  const target = path.join(dir, file);
  if (existsSync(target)) writeFileSync(path.join(dir, backup), readFileSync(target));
  writeFileSync(target, starter);
  return backup;
}

/** `send-message.mjs` → `send-message.solution.mjs`: the reference, written beside the learner's file. */
export function solutionName(file: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.solution${ext}`;
}

export function readProgram(dir: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(dir, file), 'utf8');
  } catch {
    return undefined;
  }
}

export function writeProgram(dir: string, file: string, text: string): void {
  writeFileSync(path.join(dir, file), text);
}

let scratch: string | undefined;
/**
 * A folder of the tutor's own, removed when the process ends: reference programs run there when a step's
 * state is rebuilt, by --autoplay and by `lessons check`, so the learner's workspace is left alone.
 */
export function scratchWorkspace(): string {
  if (scratch === undefined) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-code-'));
    prepareWorkspace(dir);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
