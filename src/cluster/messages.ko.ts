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
};
