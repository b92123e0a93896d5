import type { ServerMessages } from './messages.js';

/** 튜터가 연결은 했지만 가르칠 수 없는 서버에 대해 하는 말 (docs/glossary.ko.md). */
export const ko: ServerMessages = {
  protectedMode: (where: string, redisSays: string) =>
    `${where} 주소의 Redis가 보호 모드(protected mode)로 실행 중이라 이 연결을 거부했어요(비밀번호가 설정되지 않았고, 이 연결은 서버와 같은 컴퓨터에서 오지 않았어요). Redis가 실행 중인 컴퓨터에서 127.0.0.1 주소로 연결하거나, 서버에 비밀번호를 설정하고 --password 옵션으로 알려 주거나, --spawn 옵션으로 튜터 전용 redis-server를 쓰세요.\nRedis의 설명: ${redisSays}`,
  closedSaying: (where: string, redisSays: string) => `${where} 주소의 Redis가 연결을 닫으며 이렇게 말했어요: ${redisSays}`,
  tutorCommandsMissing: (commands: string[]) =>
    `이 서버에는 ${commands.join(', ')} 명령이 없어요(설정에서 이름을 바꿨거나 막았어요). 튜터가 연습용 데이터베이스를 관리하려면 이 명령이 필요해서 여기서는 어떤 레슨도 할 수 없어요. --spawn 옵션으로 튜터 전용 redis-server를 쓰거나, 이 서버에서 명령을 다시 쓸 수 있게 하세요.`,
  lessonCommandsMissing: (lesson: string, commands: string[]) =>
    `${lesson} 레슨은 ${commands.join(', ')} 명령을 쓰는데, 이 서버에는 없어요(설정에서 이름을 바꿨거나 막았어요). --spawn 옵션으로 튜터 전용 redis-server를 쓰거나, 이 서버에서 명령을 다시 쓸 수 있게 하세요.`,
  menuCommandsMissing: (commands: string[]) => `이 서버에는 ${commands.join(', ')} 명령이 없어요`,
  memoryFull: (memory: { used: string; max: string; policy: string } | undefined) =>
    `이 서버는 메모리가 가득 차서${memory ? `(maxmemory ${memory.max} 중 ${memory.used} 사용, 정책 ${memory.policy})` : ''} 튜터의 쓰기를 포함해 모든 쓰기를 거부해요. --spawn 옵션으로 튜터 전용 redis-server를 쓰거나, 이 서버의 메모리를 비우거나 maxmemory 값을 늘리세요(CONFIG SET maxmemory 0).`,
};
