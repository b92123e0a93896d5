import { error } from '../../resp/types.js';
import type { Reply } from '../reply.js';
import type { CommandContext, HandlerResult } from '../types.js';

/**
 * A command's error reply, thrown from deep inside argument parsing so that every check reads as one line
 * (`parseCount(arg)`), and turned back into a reply by `guarded` at the handler's edge.
 */
export class ReplyError extends Error {
  constructor(readonly reply: string) {
    super(reply);
  }
}

export function fail(reply: string): never {
  throw new ReplyError(reply);
}

export const SYNTAX_ERROR = 'ERR syntax error';
export { NOT_INTEGER, NOT_FLOAT } from '../numbers.js';

type Handler = (ctx: CommandContext, args: Buffer[]) => HandlerResult;

/** Wraps a handler so a thrown ReplyError becomes its error reply; anything else still throws. */
export function guarded(handler: Handler): Handler {
  return (ctx, args) => {
    try {
      return handler(ctx, args);
    } catch (e) {
      if (e instanceof ReplyError) return error(e.reply) as Reply;
      throw e;
    }
  };
}

type Serve = (ctx: CommandContext, readyKey?: string) => Reply | undefined;

/** The same for a blocked client's retry, which runs outside any handler. */
export function guardedServe(serve: Serve): Serve {
  return (ctx, readyKey) => {
    try {
      return serve(ctx, readyKey);
    } catch (e) {
      if (e instanceof ReplyError) return error(e.reply) as Reply;
      throw e;
    }
  };
}
