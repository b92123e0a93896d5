import { afterEach, expect, test } from 'vitest';
import { openTerminal, type Terminal } from './tty.js';

let term: Terminal | undefined;
afterEach(() => term?.kill());

test('the terminal driver shows what the bin prints and its exit status', async () => {
  term = openTerminal(['--version']);
  await term.waitFor(/\d+\.\d+\.\d+/);
  expect(await term.waitForExit()).toBe(0);
});
