import type {Table} from './table';

/** The extension's own UI: manifest, content-script popover, popup, options. */
export const uiMessages = {
  extName: {en: 'APM Connection Doctor', ko: 'APM Connection Doctor'},
  extDescription: {
    en: 'Finds Datadog tracer → Agent connection errors in log consoles, explains them, and probes the agent.',
    ko: '로그 콘솔에서 Datadog 트레이서의 Agent 연결 오류를 찾아 원인을 설명하고 Agent를 점검합니다.',
  },
  ui_badge_title: {en: '{count} tracer connection errors on this page', ko: '이 페이지의 트레이서 연결 오류 {count}건'},
  ui_badge_title_none: {en: 'APM Connection Doctor: no tracer connection errors on this page', ko: 'APM Connection Doctor: 이 페이지에는 트레이서 연결 오류가 없습니다'},
} as const satisfies Table;
