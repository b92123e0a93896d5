/** An argument as redis-cli's splitter reads it back unchanged. */
export function quoteArg(arg: string): string {
  if (/^[^\s"'\\]+$/.test(arg)) return arg;
  return `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}
