/**
 * Work that must happen however the process ends (normal end, Ctrl+C, SIGTERM, an uncaught error):
 * stopping a private redis-server and removing its folder, showing a cursor a waiting menu hid (ui/cursor.ts).
 * A `kill -9` runs none of them: the private server's watchdog (watch.ts) covers that. Each task is synchronous, because the
 * 'exit' event runs no asynchronous work. `main.ts` owns the signals and the exit itself.
 */
const tasks = new Set<() => void>();
let hooked = false;

export function onExit(task: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.once('exit', runExitTasks);
  }
  tasks.add(task);
  return () => tasks.delete(task);
}

export function runExitTasks(): void {
  for (const task of [...tasks]) {
    tasks.delete(task);
    try {
      task();
    } catch {
      // One failed clean-up must not stop the others.
    }
  }
}
