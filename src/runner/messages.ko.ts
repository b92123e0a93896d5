import type { RunnerMessages } from './messages.js';
import { msg } from '../ui/messages.js';
import { escapeLines, escapeText, quoteName } from '../ui/escape.js';

/** A value as the REPL shows it, quoted and escaped: it may come from the data or the learner's typing. */
const q = (s: string) => quoteName(s);
/** Inline code, rendered by render.ts; escaped, as a key name in it may come from the data or the learner's typing. */
const c = (s: string) => `\`${escapeLines(s)}\``;
const listText = (values: string[]) => (values.length === 0 ? '(비어 있음)' : `[${values.map(q).join(', ')}]`);
const entryText = (fields: Record<string, string>) => `{${Object.entries(fields).map(([k, v]) => `${escapeText(k)}: ${q(v)}`).join(', ')}}`;
const entriesText = (entries: Record<string, string>[]) => (entries.length === 0 ? '(항목 없음)' : entries.map(entryText).join(', '));

/** Whether the last Hangul syllable has a final consonant (받침): it picks 이에요/예요, 이어야/여야. */
const hasFinal = (word: string): boolean => {
  const code = word.charCodeAt(word.length - 1);
  return code >= 0xac00 && code <= 0xd7a3 ? (code - 0xac00) % 28 !== 0 : true;
};
const ieyo = (word: string) => `${word}${hasFinal(word) ? '이에요' : '예요'}`;
const ieoya = (word: string) => `${word}${hasFinal(word) ? '이어야' : '여야'}`;
const iga = (word: string) => `${word}${hasFinal(word) ? '이' : '가'}`;

/** What a program printed, short: its last lines, or a word for nothing. */
const printed = (out: string) => {
  const lines = out.trimEnd().split('\n');
  return out.trim() === '' ? '(없음)' : lines.length > 3 ? `(마지막 줄) ${q(lines.slice(-3).join('\n'))}` : q(lines.join('\n'));
};

/** A type as Redis names it (`TYPE` prints it), as the text names it. */
const TYPES: Record<string, string> = { string: '문자열', list: '리스트', set: '셋', zset: '정렬된 셋', hash: '해시', stream: '스트림' };
const typeName = (type: string) => TYPES[type] ?? `${type} 타입`;

/** "5 s", "2 min", "300 ms" (../course/lines.ts describeWait) as Korean writes them: 5초, 2분, 300밀리초. */
const wait = (what: string) => what.replace(/^(\S+) s$/, '$1초').replace(/^(\S+) min$/, '$1분').replace(/^(\S+) ms$/, '$1밀리초');

/** The status words, as shown; the English ones are what the code compares. */
const STATUS: Record<string, string> = { done: '완료', 'in progress': '진행 중', new: '새 레슨' };

/** The runner's messages in Korean (docs/glossary.ko.md). */
export const ko: RunnerMessages = {
  // What a check expects
  aKey: () => '존재하는 키',
  aType: (type) => typeName(type),
  aString: (value) => `값이 ${q(value)}인 문자열`,
  aList: (n) => `요소 ${n}개짜리 리스트`,
  aSet: (n) => `멤버 ${n}개짜리 셋`,
  aHash: (n) => `필드 ${n}개짜리 해시`,
  aZset: (n) => `멤버 ${n}개짜리 정렬된 셋`,
  aLength: (n) => `요소 ${n}개짜리 값`,
  aStream: (n) => `항목 ${n}개짜리 스트림`,

  // Why a check failed
  missing: (key, what) => `${c(key)} 키는 ${ieoya(what)} 하는데, 존재하지 않아요.`,
  didYouMean: (found, wanted) => `${c(found)} 키가 있어요. 혹시 ${c(wanted)} 키를 말하려던 건가요? 키 이름은 정확히 같아야 해요.`,
  shouldBeGone: (key, type) => `${c(key)} 키는 없어져야 하는데, 아직 남아 있어요(${typeName(type)}).`,
  wrongType: (key, what, type) => `${c(key)} 키는 ${ieoya(what)} 하는데, 지금은 ${ieyo(typeName(type))}.`,
  stringIs: (key, want, got) => `${c(key)} 키에는 ${q(want)} 값이 있어야 하는데, 지금은 ${q(got)} 값이 있어요.`,
  listIs: (key, want, got) => `${c(key)} 키는 ${listText(want)} 리스트여야 해요. 지금 값: ${listText(got)}.`,
  setIs: (key, want, got) => `${c(key)} 키는 ${listText(want)} 셋이어야 해요(순서 무관). 지금 값: ${listText(got)}.`,
  hashFieldIs: (key, field, want, got) =>
    `${c(key)} 키의 ${c(field)} 필드는 ${q(want)} 값이어야 하는데, ${got === undefined ? '그런 필드가 없어요' : `지금은 ${q(got)} 값이에요`}.`,
  zsetIs: (key, want, got) =>
    `${c(key)} 키에 있어야 할 멤버(점수): ${want.map((x) => `${q(x.member)} (${x.score})`).join(', ')}. 지금 있는 멤버: ${got.length === 0 ? '없음' : got.map((x) => `${q(x.member)} (${x.score})`).join(', ')}.`,
  ttlShouldBeNone: (key, ttl) => `${c(key)} 키에는 만료 시간이 없어야 하는데, ${ttl}초 뒤에 만료돼요.`,
  ttlShouldBe: (key, min, max, ttl) =>
    `${c(key)} 키는 ${min}-${max}초 뒤에 만료되어야 하는데, ${ttl === -1 ? '만료 시간이 없어요' : `${ttl}초 뒤에 만료돼요`}.`,
  bytesIs: (key, want, got) => `${c(key)} 키의 길이는 ${want}바이트여야 하는데(STRLEN), 지금은 ${got}바이트예요.`,
  lengthIs: (key, want, type, got) => `${c(key)} 키에는 요소가 ${want}개 있어야 하는데, 지금은 요소 ${got}개짜리 ${ieyo(typeName(type))}.`,
  streamIs: (key, want, got) => `${c(key)} 키에는 ${entriesText(want)} 항목이 이 순서대로 있어야 하는데, 지금은 ${entriesText(got)} 항목이 있어요.`,
  streamLastIs: (key, want, got) => `${c(key)} 키의 마지막 항목은 ${entryText(want)} 값이어야 하는데, ${got === undefined ? '스트림에 항목이 없어요' : `지금은 ${entryText(got)} 값이에요`}.`,
  noGroup: (key, name, groups) =>
    `${c(key)} 키에 ${c(name)} 컨슈머 그룹이 있어야 하는데, ${groups.length === 0 ? '그룹이 하나도 없어요(XGROUP CREATE 명령으로 만들어요)' : `${groups.map(c).join(', ')} 그룹만 있어요`}.`,
  groupPending: (key, name, want, got) => `${c(key)} 키의 ${c(name)} 그룹에는 대기 중인 항목(전달됐지만 XACK 명령으로 확인하지 않은 항목)이 ${want}개 있어야 하는데, 지금은 ${got}개예요.`,
  groupConsumers: (key, name, want, got) => `${c(key)} 키의 ${c(name)} 그룹에는 컨슈머가 ${want}개 있어야 하는데, 지금은 ${got}개예요.`,
  groupLastDelivered: (key, name, want, got) => `${c(key)} 키의 ${c(name)} 그룹은 ${c(want)} 항목까지 전달했어야 하는데, 지금은 ${c(got)} 항목까지 전달했어요.`,
  notReceived: (on, channel, message, pattern) =>
    `이 단계에서 ${on} 연결이 ${c(channel)} 채널${pattern === undefined ? '' : `(${c(pattern)} 패턴)`}로 ${message === undefined ? '메시지를' : `${q(message)} 메시지를`} 아직 받지 못했어요.`,
  receivedCount: (on, channel, want, got) => `이 단계에서 ${on} 연결이 ${c(channel)} 채널로 그런 메시지를 ${want}개 받아야 하는데, ${got}개 받았어요.`,
  configIs: (name, want, got) => `서버의 ${c(name)} 설정은 ${q(want)} 값이어야 하는데, ${got === undefined ? `CONFIG GET ${name} 명령의 응답이 없어요` : `CONFIG GET ${name} 명령은 ${q(got)} 값을 응답해요`}.`,
  stdoutMissing: (want, got) => `프로그램의 출력에 이 내용이 있어야 해요: ${q(want)}. 실제 출력: ${printed(got)}.`,
  stdoutNotMatching: (pattern, got) => `프로그램의 출력이 ${c(pattern)} 패턴과 맞아야 해요. 실제 출력: ${printed(got)}.`,
  replyShould: (want, got) =>
    got === undefined
      ? `응답으로 ${c(want)} 값이 나와야 하는데, 아직 실행한 명령이 없어요.`
      : `마지막 응답으로 ${c(want)} 값이 나와야 하는데, ${c(got)} 값이 나왔어요.`,
  usesShould: (commands) => `이 단계에서는 **${commands.join('** 또는 **')}** 명령을 써서 목표에 도달해 보세요.`,
  notUsesShould: (command) => `이 단계는 **${command}** 명령 없이 목표에 도달해야 해요. 단계를 처음부터 다시 하려면 \`retry\`(다시)를 입력하세요.`,
  commandShould: (name, args, last) =>
    `마지막 명령은 ${args === undefined ? '' : args.length === 1 ? `${c(args[0]!)} 하나만 인자로 준 ` : `${args.map(c).join(', ')} 인자를 (순서 무관, 각각 한 번씩) 준 `}${c(name)} 명령이어야 하는데, ${last === undefined ? '아직 실행한 명령이 없어요' : `실제로는 ${c(last)} 명령이었어요`}.`,
  replyNotThis: (got) => (got === undefined ? '아직 실행한 명령이 없어요.' : `마지막 응답 ${c(got)} 값은 이 단계에서 원하는 응답이 아니에요.`),
  replyUnordered: (items, got) =>
    `마지막 응답에 ${listText(items)} 요소가 (순서 무관) 모두 있어야 하는데, ${got === undefined ? '아직 실행한 명령이 없어요' : `실제 응답은 ${c(got)} 값이었어요`}.`,
  captureMissing: (commands) => `이 단계는 여러분이 실행한 ${commands.map((x) => `**${x}**`).join(', ')} 명령의 응답을 사용해요. 그 명령을 먼저 실행하세요.`,
  notSeenYet: (item) => `${c(item)} 값이 이 단계의 응답에 아직 나오지 않았어요.`,
  noReplyYet: (want) => `이 단계에서 아직 ${c(want)} 응답이 나오지 않았어요.`,
  hashExtraFields: (key, want, extra) => `${c(key)} 키에는 ${want.map(c).join(', ')} 필드만 있어야 하는데, ${extra.map(c).join(', ')} 필드도 있어요.`,
  replayFails: (command, setup, got, want) =>
    `입력한 명령이 이 데이터에서는 통하지만, 일반적으로 통하지는 않아요. 다른 데이터(${setup})에서는 ${c(command)} 명령이 ${c(want)} 값 대신 ${c(got)} 값을 응답해요.`,

  // The try prompt
  tryWords: () => 'Redis 명령을 입력하세요. 그 밖에: `hint`(힌트), `solution`(정답), `skip`(건너뛰기), `retry`(다시), `show <key>`, `help <command>`, `back`(뒤로), `quit`(종료).',
  notYet: () => '아직이에요:',
  passed: () => '해냈어요!',
  noMoreHints: () => '힌트가 더 없어요. 정답을 보려면 `solution`(정답)을 입력하세요.',
  hint: (n, total) => `힌트 ${n}/${total}:`,
  solutionIs: () => '정답을 보여 드릴게요. 단계가 시작될 때의 데이터로 대신 실행해요:',
  skipped: () => '건너뛰었어요. 정답을 대신 실행해 두었으니, 다음 단계에서도 기대하는 데이터가 그대로 있어요.',
  koreanLayoutWord: (typed, word) => `(키보드가 한글 입력 상태예요. ${typed} 입력을 \`${word}\` 입력으로 알아들었어요.)`,
  koreanLayoutCommand: (typed, command) =>
    `키보드가 한글 입력 상태예요. ${typed} 입력은 한글 자판으로 친 \`${command}\` 명령이에요. 한/영 키로 영문 입력으로 바꾼 뒤 다시 입력하세요. 아무것도 보내지 않았어요.`,
  retried: () => '이 단계를 다시 시작해요. 데이터도 단계가 시작될 때 상태로 돌아갔어요.',

  // 코드 단계 (학습자가 쓰는 Node.js 프로그램)
  codeWatchOn: (file) => `${file} 파일을 지켜봐요. 저장할 때마다 실행해요. 그만하려면 \`watch\`(감시)를 다시 입력하세요.`,
  codeWatchOff: () => '이제 지켜보지 않아요. 파일을 실행하려면 `run`(실행)을 입력하세요.',
  codeSaved: (file) => `(${file} 파일이 저장됐어요)`,
  codeWords: () => '`run`(실행)을 입력하면 파일을 실행하고, `watch`(감시)를 입력하면 저장할 때마다 실행해요. 실행할 때마다 데이터는 단계가 시작될 때 상태에서 출발해요. 그 밖에: `hint`(힌트), `solution`(정답), `skip`(건너뛰기), `retry`(다시), `back`(뒤로), `quit`(종료). Redis 명령을 입력하면 데이터를 볼 수 있어요.',
  codeFileAt: (file) => `편집기에서 **${file}** 파일을 열고, 빠진 부분을 채워 저장한 다음 \`run\`(실행)을 입력하세요.`,
  codeFileKept: (file) => `**${file}** 파일은 전에 두고 간 그대로 있어요. 편집기에서 열어 고친 내용을 저장한 다음 \`run\`(실행)을 입력하세요.`,
  codeFileMissing: (file) => `**${file}** 파일이 없어져서 시작 코드를 다시 넣어 두었어요.`,
  codeWorkspaceFailed: (dir, why) => `코드를 둘 **${dir}** 폴더를 준비하지 못했어요(${why}). \`--workspace <dir>\` 옵션으로 다른 폴더를 고르세요.`,
  codeRunning: (command) => `${c(command)} 실행:`,
  codeOutputCut: (n) => `(출력은 처음 ${n}줄만 보여 줘요)`,
  codeRerunning: (command) => `다른 입력으로 한 번 더 실행해요: ${c(command)}`,
  codeThrew: (error, file, line) =>
    `${line === undefined ? '프로그램이 오류로 멈췄어요' : `프로그램이 ${c(file)} 파일의 ${line}번째 줄에서 오류로 멈췄어요`}: ${c(error.replace(/\`/g, "'"))}`,
  codeNotEnded: (file, seconds) =>
    `프로그램이 끝나지 않았어요. ${seconds}초가 지나도 Redis 클라이언트가 연결된 채여서 튜터가 멈췄어요. ${c(file)} 파일 끝에서 \`await client.quit()\`(또는 \`client.close()\`)으로 클라이언트를 닫았나요?`,
  codeTimedOut: (file, seconds) =>
    `프로그램이 ${seconds}초 안에 끝나지 않아서 튜터가 멈췄어요. ${c(file)} 파일에 끝나지 않는 반복문이나, 응답을 끝내 받지 못하는 \`await\`가 있지 않나요?`,
  codeExitCode: (file, code) => `${c(file)} 프로그램이 종료 코드 ${code}로 끝났어요(\`process.exit(${code})\`, 또는 위에 출력된 오류).`,
  codeNoNode: (why) => `\`node\` 프로그램을 실행하지 못했어요: ${why}`,
  codeNoUrl: () => '이 연결에는 프로그램이 Redis에 접속할 주소가 없어요. 코드를 실행하려면 `--url`, `--spawn` 옵션이나 로컬 redis-server를 쓰세요.',
  codeRerunFails: (command, advice) => `단계의 원래 입력으로는 맞았지만, ${c(command)} 명령처럼 다시 실행하면 아직이에요: ${advice}`,
  codeSolutionAt: (file) => `정답 코드예요. 내 파일 옆에 **${file}** 파일로 저장했고, 단계가 시작될 때의 데이터로 대신 실행해요:`,
  codeStarterBack: (file) => `${c(file)} 파일을 시작 코드로 되돌릴까요? 지금 파일은 옆에 ${c(`${file}.bak`)} 파일로 남겨 둬요.`,
  codeKeepMine: () => '아니요, 내 파일을 그대로 둘게요',
  codeTakeStarter: () => '네, 시작 코드부터 다시 할게요',
  codeStarterRestored: (backup) => `시작 코드로 되돌렸어요. 내가 쓴 코드는 ${c(backup)} 파일에 있어요.`,
  nothingToSolve: () => '이 단계에는 풀 문제가 없어요. Enter 키를 눌러 계속하세요(Redis 명령을 입력하면 실행해요).',
  atFirstStep: () => '첫 번째 단계예요.',
  showUsage: () => '사용법: `show <key>`',
  helpUsage: () => '사용법: `help <command>`. 예: `help RPUSH`',
  refusedPlayground: (name) =>
    `(튜터) ${name} 명령은 레슨에서 쓸 수 없어요. 레슨의 연습용 데이터베이스를 벗어나 다른 데이터베이스나 다른 서버까지 건드리기 때문이에요. ${c('redis-tutor repl')} 명령으로 REPL을 열어서 해 보세요.`,
  refusedServer: (name) =>
    `(튜터) ${name} 명령은 레슨에서 쓸 수 없어요. 여러분의 데이터만이 아니라 서버 전체를 바꾸거나 멈추기 때문이에요. ${c('redis-tutor repl')} 명령으로 REPL을 열어서 해 보세요.`,
  refusedListener: (name) =>
    `(튜터) ${name} 명령은 레슨 연결에서 쓸 수 없어요. 연결을 수신 전용으로 바꾸는데, 튜터는 이 연결에서 여러분의 응답을 읽기 때문이에요. 수신 연결이 필요한 레슨은 두 번째 연결을 따로 열어요. ${c('redis-tutor repl')} 명령으로 REPL을 열어서 해 보세요.`,
  refusedMonitor: () =>
    `(튜터) MONITOR 명령은 레슨에서 쓸 수 없어요. 연결이 서버가 실행하는 모든 명령을 끝없이 흘려보내는 스트림이 되기 때문이에요. ${c('redis-tutor repl')} 명령으로 REPL을 열어서 해 보세요.`,
  refusedSession: (name) =>
    `(튜터) ${name} 명령은 레슨에서 쓸 수 없어요. 튜터가 여러분의 작업을 확인할 때 쓰는 레슨 연결 자체(로그인, 프로토콜, 상태)를 바꾸기 때문이에요. ${c('redis-tutor repl')} 명령으로 REPL을 열어서 해 보세요.`,
  refusedBlocking: (line, capSeconds, example, waitSeconds) =>
    `(튜터) ${c(line)} 명령은 레슨 연결에서 ${waitSeconds === Infinity ? '끝없이' : `${waitSeconds}초 동안`} 기다릴 수 있고, 그러면 프롬프트도 함께 멈춰요. 타임아웃을 최대 ${capSeconds}초로 주세요(예: ${c(example)}). 시간이 다 되면 알아서 응답해요.`,
  helperBusy: (on) =>
    `(튜터) 연결 ${on}에서 블로킹 명령이 아직 기다리고 있어요. 지금 이 연결로 보내는 명령은 그 뒤에서 기다리게 돼요. 연결 A에서 데이터를 넣어 주거나(명령 앞에 \`A> \` 접두어를 붙이면 그 연결로 보내요), \`retry\`(다시)를 입력하세요.`,
  blockingWait: (seconds) => `(데이터를 최대 ${wait(seconds)}까지 기다리는 중 ...)`,
  waited: (what) => `(${wait(what)} 후)`,
  raced: (clients, times, script, seconds) => `(클라이언트 ${clients}개가 동시에 각각 ${script} 명령을 ${times}번 실행: ${seconds}초 만에 끝남)`,
  fixtureLoaded: (count, command, seconds) => `(${command} 명령을 ${count}번 실행, {i} = 1부터 ${count}까지, 파이프라인으로: ${seconds}초)`,
  directiveBlocks: (command) => `(튜터) ${c(command)} 명령은 블로킹 명령이라서 레슨이 데이터를 불러오거나 시간을 잴 때 쓸 수 없어요.`,
  probedOnce: (command, took, answer) => `${command} 명령은 ${took} 걸렸고, 응답: ${answer}.`,
  probedItems: (n) => `요소 ${n}개(표시 생략)`,
  fixtureFailed: (command, error) => `(튜터) ${c(command)} 명령이 (error) ${escapeText(error)} 오류를 응답해서 레슨 데이터를 불러오지 못했어요.`,
  probedScan: (command, calls, items, took) => `${command} 명령을 커서가 0이 될 때까지 이어서 실행: 호출 ${calls}번, 요소 ${items}개, 모두 ${took}.`,
  probedStopped: (command, calls, took, answer) => `${command} 명령은 ${calls}번 호출한 뒤 멈췄어요(${took}): ${answer}.`,
  pinged: (every, slowest, median, count) =>
    `그동안 다른 연결이 ${every} ms마다 PING 명령을 보냈어요. 가장 느린 PONG 응답은 ${slowest} 걸렸어요(중앙값 ${median}, PING ${count}번).`,
  previewProbe: (every) => `(그동안 다른 연결이 ${every} ms마다 PING 명령을 보내요)`,
  previewWait: (what) => `(${iga(wait(what))} 지나요)`,
  controlled: (action) =>
    action === 'restart'
      ? '(서버를 SHUTDOWN 명령처럼 정상 종료하고 다시 시작해요)'
      : action === 'crash'
        ? '(서버를 `kill -9`처럼 강제로 죽이고, 남은 파일로 다시 시작해요)'
        : '(서버를 정상 종료하고 설정 파일로 다시 시작해요: 설정 파일에 없는 CONFIG SET 설정은 모두 잊혀요)',
  controlFailed: (action, why) => `(튜터) 서버를 ${action === 'crash' ? '강제 종료하고 다시 시작하지' : '다시 시작하지'} 못했어요: ${why}`,
  notOwned: () => '튜터가 띄운 서버가 아니라서 멈추지 않아요(--spawn 또는 --builtin 옵션으로 레슨을 실행하세요).',
  interfered: (on, line) => `(그사이 다른 클라이언트 ${on}에서 실행한 명령: ${line})`,
  previewRace: (clients, times, script) => `(클라이언트 ${clients}개가 동시에 각각 ${script} 명령을 ${times}번 실행)`,
  previewFixture: (command, count) => `(${command} 명령, ${count}번)`,
  markerNote: (marker) => `(${c(marker)} 키는 튜터가 쓰는 표시용 키예요. 이 데이터베이스를 연습용 데이터베이스로 쓴다는 표시이니 무시하세요.)`,

  // predict / quiz
  predictQuestion: (question) => question,
  right: () => '맞아요.',
  wrongAnswer: (answer) => `조금 달라요. 정답: ${answer.replace(/\.$/, '')}.`,
  letsSee: () => '실행해 볼게요:',
  continue: () => 'Enter 키를 눌러 계속하세요(명령이나 back, quit도 입력할 수 있어요)',

  // Lesson frame
  stepOf: (n, total) => `[${n}/${total}]`,
  lessonTitle: (order, title, minutes) => `레슨 ${order}: ${title} (약 ${minutes}분)`,
  goal: (goal) => `목표: ${goal}`,
  resumed: (n, total) => `${total}단계 중 ${n}단계부터 이어서 해요.`,
  summaryTitle: (title) => `레슨 완료: ${title}`,
  learned: () => '배운 내용:',
  commandsUsed: (commands) => `사용한 명령어: ${commands.length === 0 ? '(없음)' : commands.join(', ')}`,
  timeSpent: (minutes, seconds) => `걸린 시간: ${minutes > 0 ? `${minutes}분 ` : ''}${seconds}초`,
  stepsShown: (n) => `단계 ${n}개는 정답을 보거나 건너뛰었어요. 나중에 다시 해 볼 만해요(redis-tutor reset <lesson>).`,
  nextLesson: (id, title) => `다음 레슨: ${title} (redis-tutor lesson ${id})`,
  courseDone: () => '마지막 레슨이었어요. 코스를 모두 마쳤어요!',
  saved: () => '진행 상황을 저장했어요. 멈춘 곳부터 이어 하려면 `redis-tutor start` 명령을 실행하세요.',
  connectionLost: (detail) => `Redis와의 연결이 끊어졌어요(${detail}). 진행 상황은 저장되어 있으니, 같은 명령을 다시 실행하면 이어서 할 수 있어요.`,

  // Commands
  noTerminal: (command) =>
    `redis-tutor ${command} 명령은 입력할 터미널이 필요한데, 표준 입력이 터미널이 아니에요.\n` +
    `레슨이 저절로 진행되는 모습을 보려면: redis-tutor lesson intro --autoplay\n레슨 목록을 보려면: redis-tutor list`,
  welcome: () =>
    [
      '**redis-tutor에 오신 것을 환영해요!**',
      '레슨마다 실제 Redis 명령을 직접 입력해요. 튜터는 그 명령이 데이터에 무엇을 했는지 확인하고, 무엇이 잘못됐는지 설명해요. 또 대표적인 실수를 일부러 겪게 해서, 실수가 일어나는 모습을 직접 보고 고쳐 보게 해요.',
      '진행 상황은 단계마다 저장돼요. `quit`(종료)나 Ctrl+C 키로 나가고, `redis-tutor start` 명령으로 돌아오세요.',
    ].join('\n\n'),
  menuMessage: () => '레슨을 선택하세요',
  menuContinue: (title, step, total) => `멈춘 곳부터 이어 하기: ${title} (${total}단계 중 ${step}단계)`,
  // `status` is statusWord's: the Korean word here, the English one from a caller that did not translate it.
  menuLesson: (order, title, status) => `${String(order).padStart(2)}. ${title}${status === STATUS.new || status === 'new' ? '' : `  [${status}]`}`,
  menuQuit: () => '종료',
  menuLanguage: () => '언어: 한국어 (변경)',
  languageQuestion: () => '튜터가 어떤 언어로 말할까요?',
  goOn: (title) => `다음 레슨으로 넘어갈까요? (${title})`,
  resetConfirm: (what) => `${what}의 진행 상황을 지울까요? 되돌릴 수 없어요.`,
  resetWhatAll: () => '모든 레슨',
  resetWhatOne: (title) => `"${title}" 레슨`,
  resetDone: (what) => `${what}의 진행 상황을 지웠어요.`,
  resetKept: () => '아무것도 바꾸지 않았어요.',
  resetNeedsYes: () => 'redis-tutor reset 명령은 지우기 전에 먼저 물어보는데, 표준 입력이 터미널이 아니에요. 묻지 않고 지우려면 --yes 옵션을 붙이세요.',
  // `typeof en` types these two as their English literals; the Korean ones are cast to that type.
  menuUnavailable: (need) =>
    (need === 'real-server'
      ? '(실제 Redis가 필요해요: redis-tutor doctor 참고)'
      : need === 'clock'
        ? '(내장 엔진의 시계가 필요해요: redis-tutor --builtin start)'
        : need === 'node'
          ? '(프로그램이 접속할 Redis 주소가 필요해요: --url 또는 --spawn)'
          : need === 'server-control'
            ? '(튜터가 직접 띄운 서버가 필요해요: --spawn 또는 --builtin)'
            : '(Redis 연결이 하나 더 필요해요)') as ReturnType<RunnerMessages['menuUnavailable']>,
  unmetNeed: (id, need, w) =>
    need === 'real-server'
      ? `"${id}" 레슨은 실제 Redis 서버가 필요한데, 지금은 내장 엔진을 쓰고 있어요. ${msg.installRedis()}. 그런 다음 다시 실행하거나, --url 옵션을 쓰세요.`
      : need === 'clock'
        ? `"${id}" 레슨은 시간을 흘려보내는데(한 번에 ${wait(w)}), 실제 서버에서는 그만큼 정말 기다려야 해요. 시계를 건너뛸 수 있는 내장 엔진에서 하세요: redis-tutor --builtin lesson ${id}`
        : need === 'node'
          ? `"${id}" 레슨은 내가 쓴 Node.js 프로그램을 Redis에 연결해 실행하는데, 이 연결에는 프로그램이 접속할 주소가 없어요. --url, --spawn 옵션이나 로컬 redis-server를 쓰세요.`
          : need === 'server-control'
            ? `"${id}" 레슨은 서버를 멈추고, 강제로 죽이고, 다시 시작해요. 그래서 여러분의 서버가 아니라 튜터가 이 레슨을 위해 직접 띄운 서버에서만 할 수 있어요: redis-tutor --spawn lesson ${id} (또는 --builtin)`
            : `"${id}" 레슨은 Redis 연결이 하나 더 필요한데, 서버가 거절했어요(클라이언트 수를 제한하고 있을 수 있어요, maxclients). 클라이언트를 하나 더 허용하거나, --spawn 또는 --builtin 옵션을 쓰세요.`,
  ownServerForLesson: (id) => `"${id}" 레슨은 서버를 멈추고, 강제로 죽이고, 다시 시작해요. 그래서 튜터가 이 레슨을 위해 따로 띄웠다가 끝나면 지우는 서버에서 진행해요(여러분의 Redis는 건드리지 않아요):`,
  oldForLesson: (id, min, version) => `"${id}" 레슨은 Redis ${min} 버전의 명령어를 써요. 이 서버는 Redis ${version} 버전이라서 그중 일부가 거부될 수 있어요.`,
  statusWord: (status) => STATUS[status] ?? status,
  checkOk: (id, tries, rights, wrongs, predicts, codes = 0) =>
    `✓ ${id}: 실습 단계 ${tries}개가 시작 상태에서는 실패하고 정답으로 통과해요. ${codes > 0 ? `코드 단계 ${codes}개가 시작 코드로는 실패하고 정답 코드로 통과해요. ` : ''}다른 정답 ${rights}개가 통과해요. 오답 ${wrongs}개가 피드백을 받아요. 예측 ${predicts}개가 기대한 응답을 보여 줘요. 끝까지 진행되고, 실습 단계를 모두 건너뛰어도 끝까지 진행돼요`,
  checkFailed: (id, count) => `✗ ${id}: 문제 ${count}개`,
  checkNotHere: (id, why) => `- ${id}: 이 연결에서는 확인하지 않았어요. ${why}`,
  checkValid: (count) => `레슨 파일 ${count}개 모두 문제없어요.`,

  // Autoplay
  autoplayCheck: (ok) => (ok ? '✓ 확인 조건 통과' : '✗ 확인 조건 실패') as ReturnType<RunnerMessages['autoplayCheck']>,
  autoplayAnswer: (choice) => `→ ${choice}`,
  autoplayResult: (passed, total) => `실습 단계 ${total}개 중 ${passed}개 통과.`,
};
