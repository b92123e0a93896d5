import { translatable } from '../ui/i18n.js';
import { ko } from './messages.ko.js';
import { msg } from '../ui/messages.js';
import { escapeLines, escapeText, quoteName } from '../ui/escape.js';

/** A value as the REPL shows it, quoted and escaped: it may come from the data or the learner's typing. */
const q = (s: string) => quoteName(s);
/** Inline code, rendered by render.ts; escaped, as a key name in it may come from the data or the learner's typing. */
const c = (s: string) => `\`${escapeLines(s)}\``;
const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
/** What a program printed, short: its last lines, or a word for nothing. */
const printed = (out: string) => {
  const lines = out.trimEnd().split('\n');
  return out.trim() === '' ? 'nothing' : lines.length > 3 ? `(last lines) ${q(lines.slice(-3).join('\n'))}` : q(lines.join('\n'));
};
const listText = (values: string[]) => (values.length === 0 ? '(empty)' : `[${values.map(q).join(', ')}]`);
/** A stream entry's fields as the learner wrote them: {user: "bob", text: "hello"}. */
const entryText = (fields: Record<string, string>) => `{${Object.entries(fields).map(([k, v]) => `${escapeText(k)}: ${q(v)}`).join(', ')}}`;
const entriesText = (entries: Record<string, string>[]) => (entries.length === 0 ? '(no entries)' : entries.map(entryText).join(', '));

/** The runner's own words. Inline `code` and **bold** are rendered by render.ts. */
const en = {
  // What a check expects
  aKey: () => 'a key',
  aType: (type: string) => `a ${type}`,
  aString: (value: string) => `the string ${q(value)}`,
  aList: (n: number) => `a list of ${items(n)}`,
  aSet: (n: number) => `a set of ${n} member${n === 1 ? '' : 's'}`,
  aHash: (n: number) => `a hash with ${n} field${n === 1 ? '' : 's'}`,
  aZset: (n: number) => `a sorted set of ${n} member${n === 1 ? '' : 's'}`,
  aLength: (n: number) => `${items(n)} long`,
  aStream: (n: number) => `a stream of ${n} entr${n === 1 ? 'y' : 'ies'}`,

  // Why a check failed
  missing: (key: string, what: string) => `${c(key)} should be ${what}; it does not exist.`,
  didYouMean: (found: string, wanted: string) => `There is a key ${c(found)}: did you mean ${c(wanted)}? Key names must match exactly.`,
  shouldBeGone: (key: string, type: string) => `${c(key)} should be gone; it still exists (a ${type}).`,
  wrongType: (key: string, what: string, type: string) => `${c(key)} should be ${what}; it is a ${type}.`,
  stringIs: (key: string, want: string, got: string) => `${c(key)} should hold ${q(want)}; it holds ${q(got)}.`,
  listIs: (key: string, want: string[], got: string[]) => `${c(key)} should be the list ${listText(want)}; it is ${listText(got)}.`,
  setIs: (key: string, want: string[], got: string[]) => `${c(key)} should be the set ${listText(want)} (any order); it is ${listText(got)}.`,
  hashFieldIs: (key: string, field: string, want: string, got: string | undefined) =>
    `Field ${c(field)} of ${c(key)} should be ${q(want)}; ${got === undefined ? 'there is no such field' : `it is ${q(got)}`}.`,
  zsetIs: (key: string, want: { member: string; score: number }[], got: { member: string; score: number }[]) =>
    `${c(key)} should hold ${want.map((x) => `${q(x.member)} (${x.score})`).join(', ')}; it holds ${got.length === 0 ? 'nothing' : got.map((x) => `${q(x.member)} (${x.score})`).join(', ')}.`,
  ttlShouldBeNone: (key: string, ttl: number) => `${c(key)} should have no expiry; it expires in ${ttl} s.`,
  ttlShouldBe: (key: string, min: number, max: number, ttl: number) =>
    `${c(key)} should expire in ${min}-${max} s; ${ttl === -1 ? 'it has no expiry' : `it expires in ${ttl} s`}.`,
  bytesIs: (key: string, want: number, got: number) => `${c(key)} should be ${want} byte${want === 1 ? '' : 's'} long (STRLEN); it is ${got}.`,
  lengthIs: (key: string, want: number, type: string, got: number) => `${c(key)} should have ${items(want)}; it is a ${type} with ${items(got)}.`,
  stdoutMissing: (want: string, got: string) => `Your program should print ${q(want)}; it printed ${printed(got)}.`,
  stdoutNotMatching: (pattern: string, got: string) => `Your program's output should match ${c(pattern)}; it printed ${printed(got)}.`,
  replyShould: (want: string, got: string | undefined) => (got === undefined ? `The answer should be ${c(want)}; no command has run yet.` : `The last reply should be ${c(want)}; it was ${c(got)}.`),
  usesShould: (commands: string[]) => `This step is about **${commands.join('** or **')}**: use it to get there.`,
  notUsesShould: (command: string) => `This step asks you to get there without **${command}**. Type \`retry\` to start the step again.`,
  commandShould: (name: string, args: string[] | undefined, last: string | undefined) =>
    `Your last command should be ${c(name)}${args === undefined ? '' : args.length === 1 ? ` naming ${c(args[0]!)} only` : ` naming ${args.map(c).join(', ')} (in any order, each once)`}; ${last === undefined ? 'no command has run yet' : `it was ${c(last)}`}.`,
  replyNotThis: (got: string | undefined) => (got === undefined ? 'No command has run yet.' : `The last reply, ${c(got)}, is not the one this step asks for.`),
  replyUnordered: (items: string[], got: string | undefined) => `The last reply should hold ${listText(items)} (any order); ${got === undefined ? 'no command has run yet' : `it was ${c(got)}`}.`,
  captureMissing: (commands: string[]) => `This step uses the reply of your ${commands.map((x) => `**${x}**`).join(' and ')}: run it first.`,
  notSeenYet: (item: string) => `${c(item)} has not been in any reply of this step yet.`,
  noReplyYet: (want: string) => `No reply in this step has been ${c(want)} yet.`,
  hashExtraFields: (key: string, want: string[], extra: string[]) => `${c(key)} should have only the fields ${want.map(c).join(', ')}; it also has ${extra.map(c).join(', ')}.`,
  streamIs: (key: string, want: Record<string, string>[], got: Record<string, string>[]) => `${c(key)} should hold the entries ${entriesText(want)}, in that order; it holds ${entriesText(got)}.`,
  streamLastIs: (key: string, want: Record<string, string>, got: Record<string, string> | undefined) =>
    `The last entry of ${c(key)} should be ${entryText(want)}; ${got === undefined ? 'the stream has no entries' : `it is ${entryText(got)}`}.`,
  noGroup: (key: string, name: string, groups: string[]) =>
    `${c(key)} should have a consumer group ${c(name)}; ${groups.length === 0 ? 'it has none (XGROUP CREATE makes one)' : `it has only ${groups.map(c).join(', ')}`}.`,
  groupPending: (key: string, name: string, want: number, got: number) =>
    `Group ${c(name)} of ${c(key)} should have ${want} pending entr${want === 1 ? 'y' : 'ies'} (delivered, not yet acknowledged with XACK); it has ${got}.`,
  groupConsumers: (key: string, name: string, want: number, got: number) => `Group ${c(name)} of ${c(key)} should have ${want} consumer${want === 1 ? '' : 's'}; it has ${got}.`,
  groupLastDelivered: (key: string, name: string, want: string, got: string) => `Group ${c(name)} of ${c(key)} should have delivered up to ${c(want)}; it has delivered up to ${c(got)}.`,
  notReceived: (on: string, channel: string, message: string | undefined, pattern: string | undefined) =>
    `Connection ${on} has not received ${message === undefined ? 'a message' : q(message)} on the channel ${c(channel)}${pattern === undefined ? '' : ` through its pattern ${c(pattern)}`} in this step.`,
  receivedCount: (on: string, channel: string, want: number, got: number) => `Connection ${on} should have received ${want} such message${want === 1 ? '' : 's'} on ${c(channel)} in this step; it received ${got}.`,
  configIs: (name: string, want: string, got: string | undefined) =>
    `The server's ${c(name)} should be ${q(want)}; ${got === undefined ? `CONFIG GET ${name} answers nothing` : `CONFIG GET ${name} answers ${q(got)}`}.`,
  replayFails: (command: string, setup: string, got: string, want: string) =>
    `Your command works on this data, but not in general: on other data (${setup}) ${c(command)} answers ${c(got)}, where ${c(want)} was wanted.`,

  // The try prompt
  tryWords: () => 'Type Redis commands. Also: `hint`, `solution`, `skip`, `retry`, `show <key>`, `help <command>`, `back`, `quit`.',
  notYet: () => 'Not yet:',
  passed: () => 'Done!',
  noMoreHints: () => 'No more hints. Type `solution` to see the answer.',
  hint: (n: number, total: number) => `Hint ${n}/${total}:`,
  solutionIs: () => 'The solution, run for you on the data as the step found it:',
  skipped: () => 'Skipped: the solution was played for you, so the next steps find the data they expect.',
  koreanLayoutWord: (typed: string, word: string) => `(Your keyboard is in Korean mode: ${typed} was read as \`${word}\`.)`,
  koreanLayoutCommand: (typed: string, command: string) =>
    `Your keyboard is in Korean mode: ${typed} is \`${command}\` typed with the Korean layout. Switch to English (the 한/영 key) and type it again; nothing was sent.`,
  retried: () => 'Starting this step again: the data is back as the step found it.',

  // The code step (a Node.js program the learner writes)
  codeWatchOn: (file: string) => `Watching ${file}: every time you save it, it runs. Type \`watch\` again to stop.`,
  codeWatchOff: () => 'No longer watching: type `run` to run your file.',
  codeSaved: (file: string) => `(${file} was saved)`,
  codeWords: () => 'Type `run` to run your file, or `watch` to run it every time you save it (each run starts from the data as the step found it). Also: `hint`, `solution`, `skip`, `retry`, `back`, `quit`; a Redis command shows you the data.',
  codeFileAt: (file: string) => `Open **${file}** in your editor, write the missing part, save it, then type \`run\`.`,
  codeFileKept: (file: string) => `Your file **${file}** is still there as you left it: open it in your editor, save your changes, then type \`run\`.`,
  codeFileMissing: (file: string) => `**${file}** was gone: the starter is in it again.`,
  codeWorkspaceFailed: (dir: string, why: string) => `The tutor could not prepare the folder **${dir}** for your code (${why}). Choose another folder with \`--workspace <dir>\`.`,
  codeRunning: (command: string) => `Running ${c(command)}:`,
  codeOutputCut: (n: number) => `(only the first ${n} lines of output are shown)`,
  codeRerunning: (command: string) => `Running it again with other input: ${c(command)}`,
  codeThrew: (error: string, file: string, line: number | undefined) =>
    `Your program stopped with an error${line === undefined ? '' : ` at line ${line} of ${c(file)}`}: ${c(error.replace(/\`/g, "'"))}`,
  codeNotEnded: (file: string, seconds: number) =>
    `Your program did not end: after ${seconds} s its Redis client was still connected, so the tutor stopped it. Did you close the client at the end of ${c(file)}, with \`await client.quit()\` (or \`client.close()\`)?`,
  codeTimedOut: (file: string, seconds: number) =>
    `Your program did not finish within ${seconds} s, so the tutor stopped it: is there a loop in ${c(file)} that never ends, or an \`await\` that never gets its answer?`,
  codeExitCode: (file: string, code: number) => `Your program ${c(file)} ended with exit code ${code} (\`process.exit(${code})\`, or an error printed above).`,
  codeNoNode: (why: string) => `The tutor could not start \`node\`: ${why}`,
  codeNoUrl: () => 'This connection gives no address a program can reach Redis at: use `--url`, `--spawn` or a local redis-server to run code.',
  codeRerunFails: (command: string, advice: string) => `Right with the step's own input, but not when run again as ${c(command)}: ${advice}`,
  codeSolutionAt: (file: string) => `The reference solution, written beside your file as **${file}**, and run for you on the data as the step found it:`,
  codeStarterBack: (file: string) => `Put the starter back in ${c(file)}? Yours would be kept beside it as ${c(`${file}.bak`)}.`,
  codeKeepMine: () => 'No, keep my file',
  codeTakeStarter: () => 'Yes, start again from the starter',
  codeStarterRestored: (backup: string) => `The starter is back; your version is in ${c(backup)}.`,
  nothingToSolve: () => 'There is nothing to solve in this step: press Enter to go on (or type a Redis command to run it).',
  atFirstStep: () => 'This is the first step.',
  showUsage: () => 'Use: `show <key>`',
  helpUsage: () => 'Use: `help <command>`, for example `help RPUSH`.',
  refusedPlayground: (name: string) => `(tutor) ${name} is not available in a lesson: it reaches beyond the lesson's playground database, into other databases or other servers. Try it in ${c('redis-tutor repl')}.`,
  refusedServer: (name: string) => `(tutor) ${name} is not available in a lesson: it changes or stops the whole server, not just your data. Try it in ${c('redis-tutor repl')}.`,
  refusedListener: (name: string) => `(tutor) ${name} is not available on the lesson's connection: it turns the connection into a listener, and the tutor reads your replies from it. Lessons that need a listener open a second connection for it; try it in ${c('redis-tutor repl')}.`,
  refusedMonitor: () => `(tutor) MONITOR is not available in a lesson: it turns a connection into an endless stream of every command the server runs. Try it in ${c('redis-tutor repl')}.`,
  refusedSession: (name: string) => `(tutor) ${name} is not available in a lesson: it changes the lesson's connection itself (its login, protocol or state), which the tutor uses to check your work. Try it in ${c('redis-tutor repl')}.`,
  /** `waitSeconds`: how long the line may wait in all (Infinity: no timeout). */
  refusedBlocking: (line: string, capSeconds: number, example: string, waitSeconds: number) =>
    `(tutor) ${c(line)} could wait ${waitSeconds === Infinity ? 'for ever' : `${waitSeconds} seconds`} on the lesson's connection, and your prompt would freeze with it. Give it a timeout of at most ${capSeconds} seconds (for example ${c(example)}): it answers by itself when the time is up.`,
  helperBusy: (on: string) => `(tutor) Connection ${on} is still waiting in its blocking command: anything sent on it now would wait behind it. Feed it from connection A (type \`A> \` before a command to send it there), or type \`retry\`.`,
  blockingWait: (seconds: string) => `(waiting up to ${seconds} for data ...)`,
  waited: (what: string) => `(${what} later)`,
  raced: (clients: number, times: number, script: string, seconds: string) =>
    `(${clients} clients at once, each running ${script} ${times} time${times === 1 ? '' : 's'}: done in ${seconds} s)`,
  fixtureLoaded: (count: string, command: string, seconds: string) => `(${command} run ${count} times, {i} = 1 to ${count}, pipelined: ${seconds} s)`,
  directiveBlocks: (command: string) => `(tutor) ${c(command)} blocks: a lesson cannot load or time it.`,
  probedOnce: (command: string, took: string, answer: string) => `${command} took ${took} and answered ${answer}.`,
  probedItems: (n: string) => `${n} item${n === '1' ? '' : 's'} (not shown)`,
  fixtureFailed: (command: string, error: string) => `(tutor) ${c(command)} answered (error) ${escapeText(error)}: the lesson's data is not loaded.`,
  probedScan: (command: string, calls: string, items: string, took: string) => `${command}, followed to cursor 0: ${calls} call${calls === '1' ? '' : 's'}, ${items} item${items === '1' ? '' : 's'}, ${took} in all.`,
  probedStopped: (command: string, calls: string, took: string, answer: string) => `${command} stopped after ${calls} calls (${took}): ${answer}.`,
  pinged: (every: number, slowest: string, median: string, count: number) =>
    `Meanwhile another connection sent PING every ${every} ms: the slowest PONG took ${slowest} (median ${median}, ${count} PINGs).`,
  previewProbe: (every: number) => `(meanwhile, another connection sends PING every ${every} ms)`,
  previewWait: (what: string) => `(${what} pass)`,
  /** R5: what a server-control directive did (and, before a predict runs, will do). */
  controlled: (action: string): string =>
    action === 'restart'
      ? '(the server is stopped cleanly, as SHUTDOWN does, and started again)'
      : action === 'crash'
        ? '(the server is killed, as `kill -9` does, and started again on the files it left)'
        : '(the server is stopped cleanly and started again from its configuration file: every CONFIG SET the file does not hold is forgotten)',
  controlFailed: (action: string, why: string) => `(tutor) The server could not be ${action === 'crash' ? 'crashed and started' : 'restarted'}: ${why}`,
  notOwned: () => 'the tutor did not start this server, so it never stops it (run the lesson with --spawn or --builtin).',
  interfered: (on: string, line: string) => `(meanwhile, another client, ${on}, ran: ${line})`,
  previewRace: (clients: number, times: number, script: string) => `(${clients} clients at once, each running ${script} ${times} time${times === 1 ? '' : 's'})`,
  previewFixture: (command: string, count: string) => `(${command}, ${count} times)`,
  markerNote: (marker: string) => `(${c(marker)} is the tutor's own marker key: it claims this database as the playground. Ignore it.)`,

  // predict / quiz
  predictQuestion: (question: string) => question,
  right: () => 'Right.',
  wrongAnswer: (answer: string) => `Not quite: the answer is ${answer.replace(/\.$/, '')}.`,
  letsSee: () => "Let's run it:",
  continue: () => 'Press Enter to go on (or type a command, back, quit)',

  // Lesson frame
  stepOf: (n: number, total: number) => `[${n}/${total}]`,
  lessonTitle: (order: number, title: string, minutes: number) => `Lesson ${order}: ${title} (about ${minutes} min)`,
  goal: (goal: string) => `Goal: ${goal}`,
  resumed: (n: number, total: number) => `Continuing at step ${n} of ${total}.`,
  summaryTitle: (title: string) => `Lesson complete: ${title}`,
  learned: () => 'What you learned:',
  commandsUsed: (commands: string[]) => `Commands you used: ${commands.length === 0 ? '(none)' : commands.join(', ')}`,
  timeSpent: (minutes: number, seconds: number) => `Time: ${minutes > 0 ? `${minutes} min ` : ''}${seconds} s`,
  stepsShown: (n: number) => `${n} step${n === 1 ? '' : 's'} solved by showing the solution or skipped: worth another go later (redis-tutor reset <lesson>).`,
  nextLesson: (id: string, title: string) => `Next: ${title} (redis-tutor lesson ${id})`,
  courseDone: () => 'That was the last lesson. You have finished the course!',
  saved: () => 'Progress saved. Run `redis-tutor start` to continue where you left off.',
  connectionLost: (detail: string) => `The connection to Redis was lost (${detail}). Your progress is saved: run the same command again to continue.`,

  // Commands
  noTerminal: (command: string) =>
    `redis-tutor ${command} needs a terminal to type in, and standard input is not one.\n` +
    `To watch a lesson play itself: redis-tutor lesson intro --autoplay\nTo see the lessons: redis-tutor list`,
  welcome: () =>
    [
      '**Welcome to redis-tutor!**',
      'In each lesson you type real Redis commands. The tutor checks what they did to the data, explains what went wrong, and walks you into the classic mistakes on purpose, so that you see each one happen, then fix it.',
      'Progress is saved after every step: leave with `quit` or Ctrl+C, come back with `redis-tutor start`.',
    ].join('\n\n'),
  menuMessage: () => 'Choose a lesson',
  menuContinue: (title: string, step: number, total: number) => `Continue where you left off: ${title} (step ${step} of ${total})`,
  menuLesson: (order: number, title: string, status: string) => `${String(order).padStart(2)}. ${title}${status === 'new' ? '' : `  [${status}]`}`,
  menuQuit: () => 'Quit',
  /** The current language, named in itself, and how to change it. */
  menuLanguage: () => 'Language: English (change)',
  languageQuestion: () => 'Which language should the tutor speak?',
  goOn: (title: string) => `Go on to the next lesson, ${title}?`,
  resetConfirm: (what: string) => `Forget your progress in ${what}? This cannot be undone.`,
  resetWhatAll: () => 'every lesson',
  resetWhatOne: (title: string) => `the lesson "${title}"`,
  resetDone: (what: string) => `Progress cleared for ${what}.`,
  resetKept: () => 'Nothing was changed.',
  resetNeedsYes: () => 'redis-tutor reset asks before it clears anything, and standard input is not a terminal. Add --yes to clear without asking.',
  menuUnavailable: (need: string) =>
    need === 'real-server'
      ? '(needs a real Redis: see redis-tutor doctor)'
      : need === 'clock'
        ? "(needs the built-in engine's clock: redis-tutor --builtin start)"
        : need === 'node'
          ? '(needs a Redis address your programs can reach: --url or --spawn)'
          : need === 'server-control'
            ? '(needs a server the tutor starts: --spawn or --builtin)'
            : '(needs a second connection to Redis)',
  unmetNeed: (id: string, need: string, wait: string) =>
    need === 'real-server'
      ? `The lesson "${id}" needs a real Redis server, and the built-in engine is in use: ${msg.installRedis()} and run it again, or use --url.`
      : need === 'clock'
        ? `The lesson "${id}" lets time pass (${wait} at once), which on a real server would be real waiting. Play it on the built-in engine, whose clock can jump: redis-tutor --builtin lesson ${id}`
        : need === 'node'
          ? `The lesson "${id}" runs your Node.js programs against Redis, and this connection gives no address a program can reach Redis at: use --url, --spawn or a local redis-server.`
          : need === 'server-control'
            ? `The lesson "${id}" stops, crashes and restarts the server, so it runs only on a server the tutor starts for it, never on yours: redis-tutor --spawn lesson ${id} (or --builtin).`
            : `The lesson "${id}" needs a second connection to Redis, and the server refused one (it may limit its clients, maxclients): allow one more client, or use --spawn or --builtin.`,
  ownServerForLesson: (id: string) => `The lesson "${id}" stops, crashes and restarts its server, so it runs on one the tutor starts for it and removes afterwards (your Redis is not touched):`,
  oldForLesson: (id: string, min: string, version: string) => `The lesson "${id}" uses commands from Redis ${min}; this server is Redis ${version}, so some of them may be refused.`,
  statusWord: (status: string) => status,
  checkOk: (id: string, tries: number, rights: number, wrongs: number, predicts: number, codes = 0) =>
    `✓ ${id}: ${tries} try step${tries === 1 ? '' : 's'} fail from their start and pass with their solution; ${codes > 0 ? `${codes} code step${codes === 1 ? ' fails with its starter and passes' : 's fail with their starter and pass'} with the solution program; ` : ''}${rights} other right answer${rights === 1 ? ' passes' : 's pass'}; ${wrongs} wrong answer${wrongs === 1 ? '' : 's'} get their feedback; ${predicts} predict${predicts === 1 ? ' shows its' : 's show their'} expected replies; plays to the end, also with every try step skipped`,
  checkFailed: (id: string, count: number) => `✗ ${id}: ${count} problem${count === 1 ? '' : 's'}`,
  checkNotHere: (id: string, why: string) => `- ${id}: not checked on this connection. ${why}`,
  checkValid: (count: number) => `${count} lesson file${count === 1 ? '' : 's'} valid.`,

  // Autoplay
  autoplayCheck: (ok: boolean) => (ok ? '✓ checks hold' : '✗ checks failed'),
  autoplayAnswer: (choice: string) => `→ ${choice}`,
  autoplayResult: (passed: number, total: number) => `${passed}/${total} try steps passed.`,
};

export type RunnerMessages = typeof en;
export const runnerMsg: RunnerMessages = translatable(en, { ko });
