import { spawnSync } from 'node:child_process';

/**
 * The suite runs against real programs; say plainly what is missing instead of failing 40 files with
 * spawn errors.
 */
export default function checkTools(): void {
  const missing = [
    ['redis-server', 'redis-server'],
    ['redis-cli', 'redis-tools'],
    ['tmux', 'tmux'],
  ].filter(([bin]) => spawnSync(bin!, ['-V'], { stdio: 'ignore' }).error !== undefined);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
    throw new Error(
      `The tests need ${missing.map(([bin]) => bin).join(', ')} on PATH (real Redis 7 and a terminal multiplexer for the screen tests).\n` +
        `Debian/Ubuntu: sudo apt-get install ${packages}   (bash .ci/run installs them for you)`,
    );
  }
}
