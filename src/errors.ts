/**
 * The one error type that reaches the learner. Everything below `main.ts` throws it (or lets
 * something else be mapped to it); only `main.ts` prints it and ends the process.
 */
export class UserError extends Error {
  /** Exit code the process ends with. 2 for everything a learner can fix, 1 for a failed check. */
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Thrown where the learner asked to stop (Ctrl+C at a prompt): not an error, but it ends the command. */
export class QuitSignal extends Error {
  constructor() {
    super('quit');
    this.name = 'QuitSignal';
  }
}
