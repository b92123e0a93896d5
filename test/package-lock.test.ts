import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/bin.js';

/**
 * A fresh clone stays clean after the README's first command (`npm install`): npm rewrites package-lock.json
 * when its root entry no longer says what package.json says (a lock holding "typescript": "5.9" beside
 * package.json's "^5.9.3" came back rewritten), or when a declared package is not in the lock.
 * Verified by hand as well: git clone, npm install (and npm ci, then npm install), git status --porcelain.
 */

const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
const pkg = read('package.json');
const lock = read('package-lock.json') as { name: string; version: string; packages: Record<string, Record<string, unknown>> };
const FIELDS = ['name', 'version', 'license', 'bin', 'engines', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

it.each(FIELDS)('the lock root says what package.json says: %s', (field) => {
  expect(lock.packages['']?.[field]).toEqual(pkg[field]);
});

it('every declared package is locked', () => {
  const declared = Object.keys({ ...(pkg.dependencies as object), ...(pkg.devDependencies as object) });
  expect(declared.filter((name) => lock.packages[`node_modules/${name}`] === undefined)).toEqual([]);
});
