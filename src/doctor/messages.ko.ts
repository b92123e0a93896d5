import type { DoctorMessages } from './messages.js';

/** What `doctor` says, in Korean (docs/glossary.ko.md). */
export const ko: DoctorMessages = {
  itemRedisUrl: () => 'REDIS_URL',
  itemBinary: () => 'redis-server (PATH)',
  itemBuiltin: () => '내장 엔진',
  itemPlayground: (db: number) => `연습용 데이터베이스 (db ${db})`,
  itemNode: () => 'Node.js',
  itemProgress: () => '진행 상황 파일',
  notSet: () => '설정되지 않았어요',
  notFound: () => '찾지 못했어요',
  binaryNotAFile: (configured: string) => `REDIS_SERVER_BIN=${configured} 값은 파일이 아니에요`,
  binaryFound: (path: string, version: string | undefined) => `${path} (${version ? `Redis ${version}` : '버전을 알 수 없어요'})`,
  builtinAvailable: () => '사용할 수 있어요: 메모리에서 동작하고, Redis를 찾지 못하면(또는 --builtin 옵션으로) 써요',
  serverVersion: (version: string, oldThan: string | undefined) => `Redis ${version}${oldThan ? ` (${oldThan} 버전보다 오래됐어요)` : ''}`,
  playgroundEmpty: () => '비어 있어요: 튜터가 이 데이터베이스를 맡아요',
  playgroundOurs: (keys: number) => `튜터의 연습용 데이터베이스 (레슨 키 ${keys}개)`,
  playgroundForeign: (keys: number) => `튜터가 만들지 않은 키가 ${keys}개 있어요: 사용하지 않아요`,
  nodeVersion: (version: string, needs: string | undefined) => `${version}${needs ? ` (${needs} 이상 버전이 필요해요)` : ''}`,

  usesBuiltin: () => '내장 엔진',
  usesPrivate: () => '전용 redis-server',
  usesServer: (version: string, where: string, db: number) => `Redis ${version} (${where}, db ${db})`,
  installNode: (min: string, doctor: string) => `Node.js ${min} 이상 버전을 설치한 뒤 ${doctor} 명령을 다시 실행하세요.`,
  forcedBuiltin: () => '레슨은 튜터의 내장 엔진을 써요(메모리에서 동작하고, 종료하면 사라져요).',
  forcedSpawn: () => '레슨은 전용 redis-server 프로세스를 써요. 튜터가 띄우고, 종료하면 사라져요.',
  spawnImpossible: (install: string) => `--spawn 옵션에는 redis-server 프로그램이 필요해요: ${install}`,
  foreignPlayground: (db: number, where: string, start: string, startSpawn: string | undefined) =>
    `${where} 주소의 ${db}번 데이터베이스에 튜터가 만들지 않은 데이터가 있어요. ${start} --db <빈 데이터베이스>${startSpawn ? ` 명령이나 ${startSpawn}` : ''} 명령으로 실행하세요.`,
  itemCommands: () => '명령',
  itemMemory: () => '메모리',
  lessonsLack: (lessons: { id: string; commands: string[] }[], lessonSpawn: (id: string) => string) =>
    lessons.map((l) => `${l.id} 레슨에 필요한 ${l.commands.join(', ')} 명령이 이 서버에 없어요`).join('. ') +
    `. 이 서버에서 명령을 쓸 수 있게 하거나, 튜터 전용 redis-server에서 레슨을 하세요(${lessonSpawn(lessons[0]!.id)}).`,
  runOnServer: (uses: string, start: string) => `${start} 명령을 실행하세요. 레슨에서 쓸 Redis: ${uses}.`,
  colWhat: () => '항목',
  colStatus: () => '상태',
  colFound: () => '찾은 것',
  statusWord: (status: string) => ({ ok: '정상', warn: '주의', fail: '실패', info: '정보' })[status] ?? status,
  runOnPrivate: (version: string | undefined, start: string) =>
    `${start} 명령을 실행하세요. 레슨은 전용 redis-server 프로세스를 써요(${version ? `Redis ${version}, ` : ''}튜터가 띄우고, 종료하면 사라져요).`,
  runOnBuiltin: (install: string, start: string) =>
    `${start} 명령을 실행하세요. 레슨은 튜터의 내장 엔진을 써요(메모리에서 동작하고, 종료하면 사라져요). 실제 Redis가 필요한 레슨을 하려면 ${install}. 또는 --url 옵션으로 튜터에게 Redis를 알려 주세요.`,
};
