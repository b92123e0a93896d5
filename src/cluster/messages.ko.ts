import { msg } from '../ui/messages.js';
import type { ClusterMessages } from './messages.js';

/** 튜터가 복제·클러스터 레슨을 위해 띄우는 로컬 클러스터에 대한 말 (docs/glossary.ko.md). */
export const ko: ClusterMessages = {
  noRedisServer: (configured: string | undefined) =>
    configured
      ? `로컬 클러스터에는 실제 redis-server 프로세스가 필요한데, REDIS_SERVER_BIN 값 "${configured}"은(는) 파일이 아니에요. redis-server 실행 파일을 가리키게 하거나, PATH에 있는 것을 쓰도록 REDIS_SERVER_BIN 설정을 지우세요.`
      : `로컬 클러스터에는 실제 redis-server 프로세스가 필요한데(내장 엔진은 복제도 Redis Cluster도 하지 않아요), PATH에 redis-server가 없어요. ${msg.installRedis()}. 그런 다음 레슨을 다시 실행하세요.`,
  notReady: (what: 'replication' | 'cluster', seconds: number, missing: string) =>
    `로컬 ${what === 'cluster' ? 'Redis Cluster' : '프라이머리와 레플리카'}가 ${seconds}초가 지나도 준비되지 않았어요(${missing}). 컴퓨터가 몹시 바쁜 것 같아요. 띄운 서버는 모두 멈췄으니 다시 해 보세요.`,
  notFormed: (what: 'replication' | 'cluster', detail: string) =>
    `로컬 ${what === 'cluster' ? 'Redis Cluster' : '프라이머리와 레플리카'}를 구성하지 못했어요: ${detail}. 띄운 서버는 모두 멈췄으니 다시 해 보세요.`,
  unknownNode: (name: string, names: string[]) => `로컬 클러스터에 "${name}" 노드는 없어요. 노드는 ${names.join(', ')}예요.`,
  noFailover: (name: string) =>
    `${name}은(는) 로컬 Redis Cluster의 프라이머리가 아니라서 기다릴 장애 조치(failover)가 없어요. Redis Cluster 없이 프라이머리와 레플리카만 있으면 장애 조치는 손으로 해야 해요(레플리카에서 REPLICAOF NO ONE).`,
  failoverTimeout: (name: string, replica: string, seconds: number) => `${seconds}초가 지나도 ${replica}이(가) ${name}의 역할을 넘겨받지 못했어요. 컴퓨터가 몹시 바쁜 것 같아요.`,
  ownClusterForLesson: (id) => `"${id}" 레슨은 튜터가 이 컴퓨터에 띄웠다가 끝나면 지우는 실제 redis-server 노드들에서 진행해요(여러분의 Redis는 건드리지 않아요).`,
  topologyReady: (shape, nodes, seconds) =>
    shape === 'cluster'
      ? `새 로컬 Redis Cluster(프라이머리 셋, 각각 레플리카 하나)가 ${seconds}초 만에 준비됐어요: ${nodes}.`
      : `새 로컬 프라이머리와 레플리카가 ${seconds}초 만에 준비됐어요: ${nodes}.`,
  topologyEmptied: (shape, nodes) => `로컬 ${shape === 'cluster' ? 'Redis Cluster' : '프라이머리와 레플리카'}를 비웠어요: ${nodes}.`,
  previewTopology: (shape) => (shape === 'cluster' ? '(새 로컬 Redis Cluster: 프라이머리 셋, 각각 레플리카 하나)' : '(새 로컬 프라이머리와 레플리카)'),
  killed: (name, pid) => `${name}(pid ${pid})을(를) SIGKILL로 죽였어요. 서버가 갑자기 죽을 때처럼 다른 노드에 아무 말도 하지 않고 끝나요.`,
  connectionMoved: (from, to) => `레슨의 연결은 ${from}에 붙어 있었어요. 이제 ${to}와(과) 이야기해요.`,
  previewKill: (name) => `(${name}을(를) SIGKILL로 죽여요)`,
  failedOver: (name, replica, seconds) => `${seconds}초 뒤 ${replica}이(가) ${name}의 역할을 넘겨받았어요. 이제 프라이머리로서 ${name}의 슬롯을 맡아요.`,
  previewFailover: (name) => `(튜터가 ${name}의 레플리카가 역할을 넘겨받을 때까지 기다려요)`,
  nodeDown: (name) => `${name}은(는) @kill로 죽어서 응답하지 않아요. 다른 노드는 응답해요.`,
  notKilled: (name) => `${name}은(는) 아직 살아 있어요. @failover는 @kill ${name} 뒤에 레플리카가 역할을 넘겨받기를 기다려요.`,
  noLocalCluster: (line) => `"${line}"은(는) 로컬 클러스터에 보내는 줄인데, 로컬 클러스터는 needs: [cluster]를 선언한 레슨에만 있어요.`,
  nodeWaits: (command) => `"${command}"은(는) 그 노드의 연결을 계속 기다리게 해요. @node로는 바로 답하는 명령만 보낼 수 있어요.`,
  noLessonsOnCluster: (where, primaries, keys) =>
    `${where}은(는) Redis Cluster(프라이머리 ${primaries}개${keys > 0 ? `, 튜터가 만들지 않은 키 ${keys}개` : ''})의 노드예요. 클러스터에는 연습용 데이터베이스가 없어서(db 0뿐이에요) 레슨을 진행하지 않아요. 아무것도 쓰지 않았어요. REPL은 쓸 수 있고(redis-tutor repl --url ...), 클러스터를 배우는 레슨은 튜터가 직접 로컬 클러스터를 띄워요. --url 없이 코스를 실행하거나, --url로 단일 Redis 서버를 가리키세요.`,
  onlyDbZero: (where, db) => `${where}은(는) Redis Cluster의 노드라서 db 0만 있고 db ${db}는 없어요. --url과 --db에서 데이터베이스 번호를 빼세요.`,
  doctorCluster: (version, primaries, keys) =>
    `Redis ${version}, Redis Cluster 노드(프라이머리 ${primaries}개, 키 ${keys}개). REPL은 쓸 수 있고 리다이렉트를 따라가요. 레슨은 진행하지 않아요(클러스터에는 연습용 데이터베이스가 없어요). 클러스터를 배우는 레슨은 튜터가 직접 로컬 클러스터를 띄워요.`,
  headerCluster: (version, where, primaries) => `Redis ${version} (${where}), Redis Cluster 노드(프라이머리 ${primaries}개), db 0. redis-cli -c처럼 리다이렉트를 따라가요`,
  header: (shape, address, version) =>
    `로컬 ${shape === 'cluster' ? 'Redis Cluster' : '프라이머리와 레플리카'}(redis-server ${version}, 튜터가 이 레슨을 위해 띄움). 레슨의 연결은 ${address}와(과) 이야기해요`,
};
