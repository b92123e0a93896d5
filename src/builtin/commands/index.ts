import type { CommandSpec } from '../types.js';
import { configCommands } from './config.js';
import { connectionCommands } from './connection.js';
import { clientCommands } from './client.js';
import { monitorCommands } from './monitor.js';
import { debugCommands } from './debug.js';
import { functionCommands } from './functions.js';
import { syncCommands } from './sync.js';
import { expireCommands } from './expire.js';
import { introspectionCommands } from './introspection.js';
import { keyCommands } from './keys.js';
import { memoryCommands } from './memory.js';
import { pubsubCommands } from './pubsub.js';
import { serverCommands } from './server.js';
import { stringCommands } from './strings.js';
import { transactionCommands } from './transactions.js';
import { commands as listCommands } from './lists.js';
import { commands as hashCommands } from './hashes.js';
import { commands as setCommands } from './sets.js';
import { commands as zsetCommands } from './zsets.js';
import { sortCommands } from '../sort/sort.js';
import { streamCommands } from './streams.js';
import { dumpCommands } from './dump.js';
import { moveSwapdbCommands } from './move-swapdb.js';
import { bitCommands } from './bits.js';
import { lcsCommand } from '../strings/lcs.js';
import { hyperloglogCommands } from './hyperloglog.js';

/** Every command the engine has: each file's list, in one table. */
export const allCommands: CommandSpec[] = [
  ...connectionCommands,
  ...clientCommands,
  ...monitorCommands,
  ...serverCommands,
  ...configCommands,
  ...debugCommands,
  ...functionCommands,
  ...syncCommands,
  ...introspectionCommands,
  ...keyCommands,
  ...memoryCommands,
  ...expireCommands,
  ...stringCommands,
  ...transactionCommands,
  ...pubsubCommands,
  ...listCommands,
  ...hashCommands,
  ...setCommands,
  ...zsetCommands,
  ...sortCommands,
  ...streamCommands,
  ...dumpCommands,
  ...moveSwapdbCommands,
  ...bitCommands,
  lcsCommand,
  ...hyperloglogCommands,
];
