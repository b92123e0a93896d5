import { bulk, error, OK, simple } from '../../resp/types.js';
import { arrayOf, map, type Reply } from '../reply.js';
import { internals } from '../dispatch.js';
import { globMatch } from '../glob.js';
import { CONFIG_PARAMS, type ConfigParam } from '../persistence/config-params.js';
import type { CommandSpec } from '../types.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';

/**
 * CONFIG GET, SET, RESETSTAT, REWRITE and HELP as Redis 7.0.15 answers them, for the parameters in
 * persistence/config-params.ts. The engine applies a change through `Engine.applyConfig`.
 */
const ADMIN = ['admin', 'noscript', 'loading', 'stale'];

const HELP = [
  'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
  'HELP',
  '    Prints this help.',
];

/**
 * Patterns without glob characters name one parameter exactly (answered under the name as typed); the
 * others match names without case. A name already answered is not repeated.
 */
function matching(patterns: string[]): { shown: string; param: ConfigParam }[] {
  const found = new Map<string, { shown: string; param: ConfigParam }>();
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    if (!/[[*?]/.test(pattern)) {
      const param = CONFIG_PARAMS.get(lower);
      if (param !== undefined && !found.has(lower)) found.set(lower, { shown: pattern, param });
      continue;
    }
    for (const param of CONFIG_PARAMS.values()) {
      if (!found.has(param.name) && globMatch(lower, param.name)) found.set(param.name, { shown: param.name, param });
    }
  }
  return [...found.values()];
}

const get = command('config|get', -3, ADMIN, [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  const out: Reply[] = [];
  for (const { shown, param } of matching(args.slice(2).map((a) => a.toString('latin1')))) {
    const value = engine.config.get(param.key)!;
    out.push(bulk(shown), bulk(param.show?.(value) ?? value));
  }
  return map(out);
});

const setFailed = (name: string, why: string): never => fail(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`);

const set = command('config|set', -4, ADMIN, [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  if (args.length % 2 === 1) fail(SYNTAX_ERROR);
  const pairs: { typed: string; param: ConfigParam; text: string }[] = [];
  let unknown: string | undefined;
  let refused: { typed: string; why: string } | undefined;
  for (let i = 2; i < args.length; i += 2) {
    const typed = args[i]!.toString('latin1');
    const param = CONFIG_PARAMS.get(typed.toLowerCase());
    if (param === undefined) {
      if (refused === undefined) unknown ??= typed;
      continue;
    }
    if (unknown !== undefined || refused !== undefined) continue;
    if (param.refuse !== undefined) refused = { typed, why: `can't set ${param.refuse} config` };
    else if (pairs.some((p) => p.param.name === param.name)) refused = { typed, why: 'duplicate parameter' };
    pairs.push({ typed, param, text: args[i + 1]!.toString('latin1') });
  }
  if (unknown !== undefined) fail(`ERR Unknown option or number of arguments for CONFIG SET - '${unknown}'`);
  if (refused !== undefined) setFailed(refused.typed, refused.why);
  const values = pairs.map(({ param, text }) => {
    const parsed = param.parse === undefined ? { ok: text } : param.parse(text);
    return 'err' in parsed ? setFailed(param.name, parsed.err) : { param, value: parsed.ok };
  });
  const problem = engine.applyConfig(values.map(({ param, value }) => ({ key: param.key, value })));
  if (problem !== undefined) setFailed(problem.key, problem.why);
  return OK;
});

const resetstat = command('config|resetstat', 2, ADMIN, [0, 0, 0], (ctx) => {
  internals(ctx).engine.memory.evictedKeys = 0;
  internals(ctx).engine.stats.reset();
  return OK;
});

const rewrite = command('config|rewrite', 2, ADMIN, [0, 0, 0], (ctx) => {
  const { rewriteConfig } = internals(ctx).engine;
  if (rewriteConfig === undefined) return error('ERR The server is running without a config file');
  rewriteConfig();
  return OK;
});

const help = command('config|help', 2, ['loading', 'stale'], [0, 0, 0], () => arrayOf(HELP.map((line) => simple(line))));

const config: CommandSpec = {
  ...command('config', -2, [], [0, 0, 0], () => fail(SYNTAX_ERROR)),
  subcommands: [get, set, resetstat, rewrite, help],
};

export const configCommands: CommandSpec[] = [config];
