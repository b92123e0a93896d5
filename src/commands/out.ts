/** Writes a line to stdout: the one way commands print (kept apart so light commands need not load the lesson code). */
export const out = (text: string) => process.stdout.write(`${text}\n`);
