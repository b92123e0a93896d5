import type { CourseMessages } from './messages.js';

/** The tutor's own words about the course and its files, in Korean (docs/glossary.ko.md). */
export const ko: CourseMessages = {
  noLessonDir: (dir) => `${dir} 위치에 레슨 폴더가 없어요. --lessons <dir> 옵션으로 레슨 파일이 든 폴더를 지정하세요.`,
  emptyCourse: (dir) => `${dir} 폴더에 레슨 파일(*.yaml)이 없어요.`,
  problemsHeader: (count) => `레슨 파일에 문제가 ${count}개 있어요:`,
  problem: (file, path, expected, found) => `  ${file}: ${path || '(최상위)'}: 기대: ${expected}; 실제: ${found}`,
  unknownLesson: (name, suggestion, list) =>
    `"${name}" 레슨은 없어요.${suggestion ? ` 혹시 "${suggestion}" 레슨을 말한 건가요?` : ''}\n레슨 목록:\n${list}`,
};
