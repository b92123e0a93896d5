import type { ReplMessages } from './messages.js';
import { quoteName } from '../ui/escape.js';

/** What the REPL itself says, in Korean (docs/glossary.ko.md); replies stay Redis's own words. */
export const ko: ReplMessages = {
  helpIntro: (groups: string[]) =>
    [
      'redis-tutor repl: redis-cli 도구에서처럼 Redis 명령을 입력하세요.',
      '  help <command>     문법, 요약, 복잡도와 예시 (help SET)',
      '  help @<group>      그룹의 모든 명령 (help @list)',
      '  show <key>         값을 표로 그리고, 타입, TTL, 인코딩도 보여 줘요',
      '  quit, exit, Ctrl+D 나가기. Ctrl+C 줄 지우기, Tab 자동 완성, Ctrl+R 기록 검색',
      `그룹: ${groups.map((g) => `@${g}`).join(' ')}`,
      '',
    ].join('\n'),
  /** Help for the words the tutor answers itself (they are not Redis commands). */
  tutorCommandHelp: (name: string): string | undefined =>
    ({
      show: '\n  show key\n  요약: 키의 값을 표로 그리고, 타입, TTL, 인코딩도 보여 줘요 (Redis가 아닌 튜터의 명령)\n  예시: show user:1\n',
      help: '\n  help [command | @group]\n  요약: 명령의 문법, 요약, 복잡도와 예시, 또는 그룹의 모든 명령을 보여 줘요\n  예시: help @list\n',
      quit: '\n  quit\n  요약: REPL에서 나가요 (exit 명령이나 Ctrl+D 키도 돼요)\n',
      exit: '\n  exit\n  요약: REPL에서 나가요 (quit 명령이나 Ctrl+D 키도 돼요)\n',
      clear: '\n  clear\n  요약: 화면을 지워요\n',
    })[name],
  unknownGroup: (group: string, groups: string[]) => `"${group}" 명령 그룹은 없어요. 그룹: ${groups.map((g) => `@${g}`).join(' ')}\n`,
  unknownHelp: (name: string) => `도움말이 없어요: ${quoteName(name)} 명령은 이 서버도 튜터도 몰라요. help @string 명령이나, help 명령만 입력해 보세요.\n`,
  helpSummary: () => '요약',
  helpSince: () => '도입 버전',
  helpGroup: () => '그룹',
  helpComplexity: () => '복잡도',
  helpSubcommands: () => '하위 명령',
  helpExample: () => '예시',

  // show
  showUsage: () => 'show <key>: 키의 값을 그려요. 예: show user:1\n',
  showInMulti: () => 'MULTI 안에서는 show 명령이 값을 읽을 수 없어요: 읽기가 트랜잭션 대기열에 들어가 버려요. 먼저 EXEC 또는 DISCARD 명령을 실행하세요.',
  showSubscribed: () => '구독 모드에서는 show 명령이 값을 읽을 수 없어요. 먼저 Ctrl+C 키를 누르세요(또는 UNSUBSCRIBE 명령).',
  showMissing: (key: string | Buffer) => `(이 데이터베이스에 ${quoteName(key)} 키가 없어요)\n`,
  showFacts: (type: string, ttl: string, encoding: string) => `타입: ${type}   TTL: ${ttl}   인코딩: ${encoding}`,
  showNoTtl: () => '없음 (만료되지 않아요)',
  showTtl: (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}초`,
  showMore: (shown: number, total: number) => `... 표시하지 않은 항목이 ${total - shown}개 더 있어요 (모두 ${total}개)`,
  colValue: () => '값',
  colSize: () => '크기',
  colIndex: () => '인덱스',
  colFromEnd: () => '끝에서',
  colField: () => '필드',
  colMemberNoOrder: () => '멤버 (순서 없음)',
  colRank: () => '순위',
  colMember: () => '멤버',
  colScore: () => '점수',
  colId: () => 'ID',
  colFields: () => '필드',
  showStringSize: (bytes: number, chars: number | undefined | 'cut') =>
    `${bytes}바이트${chars === 'cut' ? ' (앞부분만 표시)' : chars === undefined ? ', 올바른 UTF-8 형식이 아니에요' : `, ${chars}글자`}`,
  showUnsupported: (type: string) => `(show 명령은 아직 ${type} 값을 그리지 못해요. TYPE 명령과 ${type} 명령어를 써 보세요)`,

  // Session
  connectionLost: (where: string) => `${where} 주소와의 연결이 끊겼어요. 다음 명령에서 다시 연결해요.`,
  serverShutDown: (where: string) => `${where} 주소의 Redis가 종료됐어요. SHUTDOWN 명령이 하는 일이에요. 누군가 다시 시작하기 전까지는 명령이 실패해요.`,
  ownServerShutDown: (where: string) =>
    `튜터가 ${where} 주소에 띄운 Redis가 종료됐어요. SHUTDOWN 명령이 하는 일이고, 이번 세션에서는 다시 쓸 수 없어요. quit 명령을 입력한 뒤 REPL을 다시 시작하면 새 서버가 떠요.`,
  reconnected: (where: string) => `${where} 주소에 다시 연결했어요.`,
  notConnected: (where: string, detail: string) => `${where} 주소의 Redis에 연결할 수 없어요: ${detail}`,
  refusedInPipe: (command: string) =>
    `거부했어요: ${command} 명령은 서버 전체를 바꾸거나 멈추는데, 튜터가 띄우지 않은 서버예요. 그래도 실행하려면 --yes 옵션을 붙이세요.`,
  confirm: (command: string, why: string) => `튜터가 띄우지 않은 서버에서 ${command} 명령은 ${why}. 실행할까요? (y/N) `,
  whyFlush: () => '데이터를 지워요',
  whyStop: () => '서버 전체를 멈추거나 바꿀 수 있어요',
  whyKeys: (n: number) => `키 ${n}개를 모두 훑고, 그동안 서버를 막아요`,
  cancelled: () => '(실행하지 않았어요)',
  markerNotRestored: (detail: string) =>
    `튜터가 연습용 데이터베이스 표시를 되돌려 놓지 못했어요(${detail}). 다음 시작 때 이 데이터베이스를 거부하면, 그 키들을 지우거나 --db 옵션으로 다른 데이터베이스를 고르세요.`,
  resp3: () => '튜터는 RESP2 프로토콜로 통신해요(redis-cli 기본값과 같아요). 여기서는 HELLO 3 명령을 지원하지 않아요.',
  subscribedHint: () => '구독 중이에요: 메시지가 도착하는 대로 나타나요. Ctrl+C 키를 누르면 구독 모드에서 나가요.',
  monitorRefused: () => 'MONITOR 명령은 서버가 실행하는 모든 명령을 흘려보내요. 튜터는 지원하지 않으니 MONITOR 명령은 redis-cli 도구에서 쓰세요.',
  interrupted: () => '(중단됨: 튜터가 그 응답을 더 기다리지 않아요. 다음 명령에서 다시 연결해요)',
  howToLeave: () => '(Ctrl+C 키는 줄을 지워요. 나가려면 Ctrl+D 키를 누르거나 quit 명령을 입력하세요.)',
  searchPrompt: (query: string, match: string) => `(기록 검색)\`${query}': ${match}`,
};
