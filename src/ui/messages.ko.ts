import type { Messages } from './messages.js';

/** The tutor's own messages in Korean (docs/glossary.ko.md). */
export const ko: Messages = {
  // Inquirer's key legend under a list of choices
  keyNavigate: () => '이동',
  keySelect: () => '선택',
  unknownLanguage: (given: string, known: string) => `튜터는 "${given}" 언어를 지원하지 않아요. --lang 옵션에 다음 중 하나를 쓰세요: ${known}.`,

  // Options and input
  badUrl: (source: string, text: string, why: string) =>
    `${source} 값 "${text}"은(는) Redis URL이 아니에요(${why}).\nredis://[user:password@]host:port[/db] 형식이어야 해요. 예: redis://127.0.0.1:6379/15 (TLS는 rediss://).`,
  badNumber: (source: string, text: string, expected: string, example: string) =>
    `${source} 값 "${text}"은(는) 쓸 수 없어요. 필요한 값: ${expected}. 예: ${example}`,
  colLessonId: () => 'id',
  colLessonTitle: () => '제목',
  colSteps: () => '단계',
  colMinutes: () => '분',
  colStatus: () => '상태',
  expectedPort: () => '1부터 65535 사이의 포트 번호',
  expectedDb: () => '0이나 15 같은 데이터베이스 번호',
  conflictingOptions: (chosen: string[]) =>
    `다음 옵션들이 서로 다른 Redis를 가리켜요: ${chosen.join(', ')}. 하나만 쓰세요.`,

  // Reaching a server
  refused: (where: string, source: string) =>
    `${where} 주소에서 기다리는 서버가 없어요(connection refused${source === 'default' ? '' : `, ${source} 값으로 지정한 주소`}).\n` +
    `그 주소에서 Redis를 실행하거나 호스트와 포트를 확인하세요. 주소를 빼면 튜터가 Redis를 찾거나 직접 띄워요.`,
  unknownHost: (host: string, source: string) =>
    `호스트 이름을 찾을 수 없어요: "${host}" (${source} 값). 철자를 확인하거나, 이 컴퓨터라면 127.0.0.1 주소를 쓰세요.`,
  timeout: (where: string) =>
    `${where} 주소에서 제때 응답이 없어요(방화벽, 잘못된 주소, 네트워크 문제 등). 호스트와 포트, 서버가 켜져 있는지 확인하세요.`,
  silentPeer: (where: string) =>
    `${where} 주소에서 무언가가 연결은 받았지만 Redis PING 명령에 응답하지 않았어요. 다른 프로그램이거나 TLS를 쓰는 서버일 수 있어요(--tls 옵션을 붙이거나 rediss:// 주소를 쓰세요).`,
  notRedis: (where: string, firstBytes: string) =>
    `${where} 주소에서 기다리는 프로그램은 Redis가 아니에요: "${firstBytes}" 응답을 보냈어요.\n` +
    `다른 서비스가 그 포트를 쓰고 있어요. --port 옵션이나 --url 옵션으로 사용할 Redis를 가리키거나, 주소를 빼고 전용 Redis를 쓰세요.`,
  closedMaybeTls: (where: string) =>
    `${where} 주소의 서버가 응답 없이 연결을 닫았어요. 이 서버가 TLS를 쓴다면 --tls 옵션을 붙이세요(또는 rediss:// 주소). 아니라면 Redis 서버가 맞는지 확인하세요.`,
  closedOnTls: (where: string) =>
    `${where} 주소의 서버가 응답 없이 TLS 연결을 닫았어요. 서버가 이 포트에서 TLS를 쓰는지 확인하거나, --tls 옵션을 빼고 redis:// 주소를 쓰세요.`,
  tlsMismatch: (where: string) =>
    `${where} 주소의 서버는 TLS를 쓰지 않는데 튜터에게 TLS를 쓰라고 지정했어요. --tls 옵션을 빼거나, rediss:// 대신 redis:// 주소를 쓰세요.`,
  networkError: (where: string, detail: string) => `${where} 주소에 연결할 수 없어요: ${detail}. 주소와 네트워크를 확인하세요.`,
  noAuth: (where: string) =>
    `${where} 주소의 Redis는 비밀번호가 필요해요(NOAUTH). --password <password> 옵션, URL(redis://:password@host:port), 또는 REDISCLI_AUTH 환경 변수로 알려 주세요.`,
  wrongPass: (where: string, user: string | undefined) =>
    `${where} 주소의 Redis가 ${user ? `사용자 이름 ${user} 또는 그 ` : ''}비밀번호를 거부했어요(WRONGPASS). --password / --user, REDISCLI_AUTH, 또는 --url 옵션의 비밀번호를 확인하세요.`,
  passwordNotNeeded: (where: string) => `${where} 주소의 Redis에는 비밀번호가 설정되어 있지 않아서 주어진 비밀번호를 거부했어요. --password 옵션을 빼세요.`,
  connectFailed: (where: string, detail: string) => `${where} 주소의 Redis를 쓸 수 없어요: ${detail}`,
  dbOutOfRange: (db: number, count?: number, defaultFits = false) =>
    count === undefined
      ? `이 서버의 데이터베이스는 ${db + 1}개보다 적어서 ${db}번 데이터베이스가 없어요. --db 옵션으로 더 작은 번호를 고르거나, --spawn 옵션으로 전용 Redis를 쓰세요.`
      : `이 서버에는 데이터베이스가 ${count}개(${count === 1 ? '0번' : `0번부터 ${count - 1}번까지`})뿐이라 ${db}번 데이터베이스가 없으니, --db ${count - 1} 옵션을 ${defaultFits ? '쓰거나 데이터베이스 번호를 빼세요' : '쓰세요'}.`,
  selectRefused: (db: number, detail: string) =>
    `이 서버가 ${db}번 데이터베이스로 전환을 거부했어요(${detail}). 클러스터와 일부 관리형 서비스에는 0번 데이터베이스만 있어요.\n` +
    `튜터는 여러분의 데이터가 있을 수 있는 데이터베이스에서는 절대 작업하지 않아요. --spawn 옵션으로 전용 Redis를 쓰거나, --url 옵션으로 연습 전용 서버를 가리키세요.`,
  oldPrivatePassedOver: (version: string, min: string) =>
    `PATH에 있는 redis-server 실행 파일은 Redis ${version} 버전이에요. 이 코스의 명령어가 돌아가는 가장 오래된 버전인 ${min}보다 오래돼서, 대신 내장 엔진을 써요. 실제 Redis를 쓰려면 더 새 버전을 설치하거나(Windows라면 WSL이나 Memurai), --url 옵션으로 알려 주세요.`,
  oldServer: (version: string, min: string) =>
    `이 서버는 Redis ${version} 버전이에요. 코스는 Redis ${min} 버전과 7.0 버전에 추가된 명령어(GETDEL, GETEX, LMOVE, SMISMEMBER, ZRANGE BYSCORE, SET ... GET, EXPIRE ... NX)를 쓰는데, 이 서버는 이를 거부해요. 업그레이드하거나, 더 새 redis-server 실행 파일과 함께 --spawn 옵션을 쓰세요.`,

  // The playground
  foreignPlayground: (db: number, keys: number, sample: string[]) =>
    `이 서버의 ${db}번 데이터베이스에 튜터가 만들지 않은 키가 이미 ${keys}개 있어요(${sample.join(', ')}${keys > sample.length ? ', ...' : ''}).\n` +
    `튜터는 자기가 만들지 않은 데이터는 절대 건드리지 않으므로 아무것도 쓰지 않았어요. --db <n> (0-15) 옵션으로 빈 데이터베이스를 고르거나, --spawn 옵션으로 전용 Redis를 쓰세요.`,

  // Starting a private server
  spawnFailed: (bin: string, output: string) => `${bin} 실행 파일로 전용 Redis를 띄울 수 없어요.${output ? `\n출력: ${output}` : ''}`,
  spawnNoBinary: (configured: string | undefined) =>
    configured
      ? `REDIS_SERVER_BIN 값 "${configured}"은(는) 파일이 아니에요. redis-server 실행 파일을 가리키게 하거나 설정을 지우세요.`
      : `--spawn 옵션에는 redis-server 프로그램이 필요한데 PATH 경로에 없어요. Redis를 설치하거나(redis-tutor doctor 명령 참고) REDIS_SERVER_BIN 환경 변수를 설정하세요.`,
  installRedis: () =>
    'Redis 7 버전을 설치하세요(Debian/Ubuntu: sudo apt-get install redis-server; Fedora: sudo dnf install redis; macOS: brew install redis; Windows: WSL 또는 Memurai. 예전 Microsoft 포트 3.2는 이 코스에 너무 오래됐어요)',

  // Headers
  headerExternal: (version: string, where: string, db: number) => `Redis ${version}, ${where}, db ${db}`,
  headerPrivate: (version: string, where: string) => `전용 Redis ${version}, ${where} (튜터가 띄웠고, 종료하면 사라져요)`,
  headerBuiltin: (where: string) => `내장 엔진 (메모리, ${where}; 종료하면 사라져요)`,

  // redis-tutor server
  serverListening: (where: string, port: number) =>
    `redis-tutor의 내장 엔진이 ${where} 주소에서 기다리고 있어요(메모리에만 있어서 멈추면 모두 사라져요).\n` +
    `연결: redis-cli -p ${port}    코드에서는: redis://${where}\n` +
    `멈추려면 Ctrl+C 키를 누르세요.`,
  serverBadMaxmemory: (text: string) => `--maxmemory ${text}: 바이트 수나 Redis처럼 단위를 붙인 값(100mb, 1gb)을 적어 주세요.`,
  serverPortInUse: (port: number) => `127.0.0.1 주소의 ${port}번 포트는 이미 쓰이고 있어요. --port <n> 옵션으로 다른 포트를 고르거나, --port 옵션을 빼면 빈 포트를 써요.`,

  // main.ts
  unexpected: (detail: string) => `redis-tutor 내부에서 문제가 생겼어요: ${detail}\n같은 명령을 --debug 옵션과 함께 실행해 자세한 내용을 확인하고, 제보해 주세요.`,
};
