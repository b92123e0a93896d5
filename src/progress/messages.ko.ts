import type { ProgressMessages } from './messages.js';

/** The progress file's messages in Korean (docs/glossary.ko.md). */
export const ko: ProgressMessages = {
  damaged: (file, aside) => `진행 상황 파일(${file})이 손상되어 ${aside} 위치로 옮겼어요. 처음부터 새로 시작해요.`,
  unreadable: (file, detail) => `진행 상황 파일(${file})을 읽을 수 없어요(${detail}). 이번에는 처음부터 새로 시작해요.`,
  unwritable: (file, detail) => `진행 상황을 ${file} 파일에 저장할 수 없어요(${detail}). 레슨은 계속되지만, 진행 상황은 기억되지 않아요.`,
};
