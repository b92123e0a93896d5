import type { HelpMessages } from './help-messages.js';

/** Commander's English tail of "too many arguments": " for 'lesson'. Expected 1 argument but got 2." */
const EXCESS = /^(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/;

/** The command line's own words in Korean (docs/glossary.ko.md). */
export const ko: HelpMessages = {
  program: () => '살아 있는 Redis에 진짜 명령어를 입력하며 Redis를 배워요. 튜터가 확인하고 설명해 줘요.',
  optVersion: () => '버전을 출력해요',
  optHelp: () => '도움말을 보여 줘요',
  optUrl: () => '사용할 Redis: redis[s]://[user:password@]host:port[/db] (REDIS_URL 환경 변수도 돼요)',
  optHost: () => 'Redis 호스트',
  optPort: () => 'Redis 포트',
  optUser: () => '사용자 이름 (ACL)',
  optPassword: () => '비밀번호 (REDISCLI_AUTH 환경 변수도 돼요)',
  optTls: () => 'TLS로 연결해요',
  optDb: () => '사용할 논리 데이터베이스 (기본값: 튜터가 띄우지 않은 서버에서는 연습용 데이터베이스인 15번)',
  optSpawn: () => '이번 실행에 쓸 전용 redis-server 프로세스를 띄워요',
  optBuiltin: () => '튜터의 내장 엔진을 써요 (메모리에서 동작하고, Redis가 필요 없어요)',
  optDebug: () => '오류의 자세한 내용(스택 트레이스)을 보여 줘요',
  optLang: () => '가르칠 언어: en 또는 ko (REDIS_TUTOR_LANG 환경 변수도 돼요. 기본값: 메뉴에서 고른 언어, 없으면 시스템 언어)',
  optWorkspace: () => '코드 단계에서 쓰는 파일을 둘 폴더 (기본값: 튜터 설정 폴더 안, 레슨마다 한 폴더)',
  helpCommand: () => '명령의 도움말을 보여 줘요',
  // Commander's headings
  titleUsage: () => '사용법:',
  titleOptions: () => '옵션:',
  titleGlobalOptions: () => '전역 옵션:',
  titleCommands: () => '명령:',
  titleArguments: () => '인자:',
  // Commander's errors: the option and command names stay as typed
  errUnknownOption: (flag: string) => `오류: 알 수 없는 옵션 '${flag}'`,
  errUnknownCommand: (name: string) => `오류: 알 수 없는 명령 '${name}'`,
  errMissingArgument: (name: string) => `오류: 필수 인자가 빠졌어요: '${name}'`,
  errArgumentMissing: (flags: string) => `오류: 옵션 '${flags}' 뒤에 값이 빠졌어요`,
  errTooManyArguments: (rest: string) => {
    const m = EXCESS.exec(rest);
    if (m === null) return `오류: 인자가 너무 많아요${rest}`;
    const [, command, expected, got] = m;
    return `오류: ${command !== undefined ? `'${command}' 명령의 ` : ''}인자가 너무 많아요. 인자는 ${expected}개여야 하는데 ${got}개를 받았어요.`;
  },
  didYouMean: (what: string) => `(이것을 입력하려던 건가요? ${what})`,
  didYouMeanOneOf: (what: string) => `(다음 중 하나를 입력하려던 건가요? ${what})`,
  optLessons: () => '기본 코스 대신 <dir> 폴더의 레슨 파일을 써요 (레슨 작성자용)',
  cmdStart: () => '코스: 레슨 메뉴를 보여 주고, 멈춘 곳부터 이어 가요',
  cmdLesson: () => '레슨 하나를 ID 또는 번호로 실행해요 (redis-tutor lesson strings, redis-tutor lesson 2)',
  optAutoplay: () => '레슨의 정답과 답으로 레슨을 진행해 기록을 출력하고, 모든 확인 조건을 통과했을 때만 0으로 종료해요',
  optRestart: () => '멈춘 곳이 아니라 첫 단계부터 레슨을 시작해요',
  cmdList: () => '레슨 목록: 단계, 소요 시간(분), 내 진행 상태',
  optListJson: () => '목록을 JSON 형식으로 출력해요',
  cmdReset: () => '레슨 하나 또는 전체 레슨의 진행 상황을 지워요',
  optResetYes: () => '먼저 묻지 않아요',
  cmdRepl: () => '튜터와 함께 Redis 명령을 자유롭게 입력해요 (파일을 파이프로 넘기면 redis-cli 도구처럼 실행해요)',
  optRaw: () => '응답을 redis-cli --raw 옵션처럼 출력해요',
  optNoCoach: () => '명령 뒤에 설명 메모를 보여 주지 않아요',
  optReplYes: () => '튜터가 띄우지 않은 서버에서도 FLUSHALL, SHUTDOWN 같은 명령을 묻지 않고 실행해요',
  cmdDoctor: () => '튜터가 쓸 수 있는 Redis를 확인하고, 없으면 무엇을 할지 알려 줘요',
  optDoctorJson: () => '점검 결과를 JSON 형식으로 출력해요',
  cmdServer: () => 'redis-cli 도구나 직접 만든 코드가 쓰도록 튜터의 내장 엔진을 포그라운드로 실행해요 (Ctrl+C 키까지)',
  optServerMaxmemory: () => '메모리 상한이에요. 바이트 수나 Redis처럼 단위를 붙여 적어요 (100mb, 1gb; 0이면 상한 없음; 기본값 256mb)',
  serverAfterHelp: () => '\n주소는 전역 옵션 --port <n> 값으로 정해요 (redis-tutor server --port 7000). 없으면 빈 포트를 써요.',
  cmdLessons: () => '레슨 작성자용 도구',
  argLessonsDir: () => '레슨 파일이 있는 폴더 (기본값: 튜터에 포함된 코스)',
  cmdLessonsCheck: () => '모든 레슨 파일을 검증한 뒤, 각 실습(try) 단계가 시작 상태에서는 실패하고 정답으로는 통과하는지 증명해요',
};
