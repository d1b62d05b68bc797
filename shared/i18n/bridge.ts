import type {Table} from './table';

/**
 * The bridge: one `bridge_err_<code>` per BridgeErrorCode (dashes → underscores, see
 * `bridgeErrorKey` in shared/protocol.ts), and the `apm-doctor bridge` terminal text (`bridge_cli_…`).
 */
export const bridgeMessages = {
  bridge_err_bad_method: {
    en: 'The bridge only accepts WebSocket handshakes (HTTP GET).',
    ko: '브리지는 WebSocket 핸드셰이크(HTTP GET)만 받습니다.',
  },
  bridge_err_bad_host: {
    en: 'The bridge refused the connection: the address must be 127.0.0.1, localhost or [::1] with the bridge’s port.',
    ko: '브리지가 연결을 거부했습니다. 주소는 브리지 포트를 붙인 127.0.0.1, localhost 또는 [::1]이어야 합니다.',
  },
  bridge_err_bad_origin: {
    en: 'The bridge refused the connection: only the APM Connection Doctor extension may connect, not web pages.',
    ko: '브리지가 연결을 거부했습니다. 웹 페이지가 아닌 APM Connection Doctor 확장 프로그램만 연결할 수 있습니다.',
  },
  bridge_err_not_paired: {
    en: 'This browser is not paired with the bridge (or its pairing was revoked). Enter the pairing code shown in the bridge’s terminal.',
    ko: '이 브라우저는 브리지와 페어링되어 있지 않습니다(또는 페어링이 해제되었습니다). 브리지 터미널에 표시된 페어링 코드를 입력하세요.',
  },
  bridge_err_bad_pairing_code: {
    en: 'Wrong pairing code. {attemptsLeft} tries left.',
    ko: '페어링 코드가 틀렸습니다. 남은 시도 횟수: {attemptsLeft}회',
  },
  bridge_err_pairing_closed: {
    en: 'No pairing code is open: it was used, expired, or was locked after too many wrong tries. Press Enter in the bridge’s terminal for a new code.',
    ko: '사용할 수 있는 페어링 코드가 없습니다. 이미 사용했거나, 만료되었거나, 잘못된 시도가 많아 잠겼습니다. 브리지 터미널에서 Enter를 눌러 새 코드를 받으세요.',
  },
  bridge_err_malformed: {
    en: 'The bridge could not read the message (it must be a JSON object with v, id and type).',
    ko: '브리지가 메시지를 읽지 못했습니다(v, id, type이 있는 JSON 객체여야 합니다).',
  },
  bridge_err_too_large: {
    en: 'The message is larger than the bridge accepts.',
    ko: '메시지가 브리지가 받을 수 있는 크기보다 큽니다.',
  },
  bridge_err_unsupported_version: {
    en: 'The extension and the bridge speak different protocol versions. Update both to the same release.',
    ko: '확장 프로그램과 브리지의 프로토콜 버전이 다릅니다. 둘 다 같은 릴리스로 업데이트하세요.',
  },
  bridge_err_unknown_type: {
    en: 'The bridge does not know this request. Update the bridge.',
    ko: '브리지가 모르는 요청입니다. 브리지를 업데이트하세요.',
  },
  bridge_err_invalid_field: {
    en: 'The bridge refused a request field: {field}.',
    ko: '브리지가 요청 필드를 거부했습니다: {field}',
  },
  bridge_err_duplicate_id: {
    en: 'A request with the same id is still running.',
    ko: '같은 id의 요청이 아직 실행 중입니다.',
  },
  bridge_err_unknown_job: {
    en: 'Nothing to cancel: that job has already finished.',
    ko: '취소할 작업이 없습니다. 이미 끝난 작업입니다.',
  },
  bridge_err_busy: {
    en: 'The bridge is busy with other checks. Try again when they finish.',
    ko: '브리지가 다른 점검을 실행 중입니다. 끝난 뒤 다시 시도하세요.',
  },
  bridge_err_rate_limited: {
    en: 'Too many requests in a short time. Wait a moment and try again.',
    ko: '짧은 시간에 요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
  },
  bridge_err_timeout: {
    en: 'The check took too long and was stopped.',
    ko: '점검이 너무 오래 걸려 중단했습니다.',
  },
  bridge_err_cancelled: {
    en: 'The check was cancelled.',
    ko: '점검이 취소되었습니다.',
  },
  bridge_err_failed: {
    en: 'The check failed on the bridge. The bridge’s terminal may say more.',
    ko: '브리지에서 점검이 실패했습니다. 브리지 터미널에 자세한 내용이 있을 수 있습니다.',
  },
  bridge_err_unsupported: {
    en: 'This bridge cannot do that yet. Update the bridge.',
    ko: '이 브리지는 아직 이 작업을 지원하지 않습니다. 브리지를 업데이트하세요.',
  },

  bridge_cli_usage: {
    en: 'usage: apm-doctor bridge [--port N] [--welcome] [--forget]',
    ko: '사용법: apm-doctor bridge [--port N] [--welcome] [--forget]',
  },
  bridge_cli_bad_port: {
    en: '--port must be a whole number from 0 to 65535 (0 picks a free port).',
    ko: '--port에는 0부터 65535 사이의 정수를 지정하세요(0이면 빈 포트를 자동으로 고릅니다).',
  },
  bridge_cli_port_in_use: {
    en: 'Port {port} on {host} is already in use. Is another bridge running? Stop it, or start this one with --port N.',
    ko: '{host}의 {port} 포트를 이미 다른 프로그램이 쓰고 있습니다. 브리지가 이미 실행 중인지 확인하세요. 그 프로그램을 끄거나 --port N으로 다른 포트를 지정하세요.',
  },
  bridge_cli_listening: {
    en: 'APM Connection Doctor bridge {version} is listening on {addresses} (this machine only).',
    ko: 'APM Connection Doctor 브리지 {version}이(가) {addresses}에서 대기 중입니다(이 컴퓨터에서만 접속 가능).',
  },
  bridge_cli_code: {
    en: 'Pairing code: {code}  (single use, valid for {minutes} minutes; press Enter for a new one)',
    ko: '페어링 코드: {code}  (1회용, {minutes}분 동안 유효 · 새 코드가 필요하면 Enter를 누르세요)',
  },
  bridge_cli_code_no_tty: {
    en: 'Pairing code: {code}  (single use, valid for {minutes} minutes; restart the bridge for a new one)',
    ko: '페어링 코드: {code}  (1회용, {minutes}분 동안 유효 · 새 코드가 필요하면 브리지를 다시 시작하세요)',
  },
  bridge_cli_stop: {
    en: 'Press Ctrl-C to stop.',
    ko: '멈추려면 Ctrl-C를 누르세요.',
  },
  bridge_cli_paired: {
    en: 'Paired with {origin}.',
    ko: '{origin}과(와) 페어링했습니다.',
  },
  bridge_cli_resumed: {
    en: 'Connected: {origin} (paired earlier).',
    ko: '연결됨: {origin} (이전에 페어링함)',
  },
  bridge_cli_refused: {
    en: 'Refused a connection ({code}) from origin {origin}, host {host}.',
    ko: '연결을 거부했습니다({code}). origin: {origin}, host: {host}',
  },
  bridge_cli_stopping: {
    en: 'Stopping the bridge…',
    ko: '브리지를 멈추는 중…',
  },
  bridge_cli_forgot: {
    en: 'Forgot {count} paired browser(s) ({path}). Each must pair again with a new code.',
    ko: '페어링된 브라우저 {count}개를 잊었습니다({path}). 다시 쓰려면 새 코드로 다시 페어링해야 합니다.',
  },
  bridge_cli_welcome_title: {
    en: 'Load the extension (once):',
    ko: '확장 프로그램 불러오기(처음 한 번):',
  },
  bridge_cli_welcome_chrome: {
    en: '  Chrome/Edge: open chrome://extensions → turn on Developer mode → Load unpacked → choose {dir}',
    ko: '  Chrome/Edge: chrome://extensions 열기 → 개발자 모드 켜기 → 압축해제된 확장 프로그램을 로드합니다 → {dir} 선택',
  },
  bridge_cli_welcome_firefox: {
    en: '  Firefox: open about:debugging → This Firefox → Load Temporary Add-on… → choose {manifest}',
    ko: '  Firefox: about:debugging 열기 → 이 Firefox → 임시 부가 기능 로드… → {manifest} 선택',
  },
  bridge_cli_welcome_pair: {
    en: 'Then pair: open the extension’s popup and enter the code below.',
    ko: '그다음 페어링: 확장 프로그램 팝업을 열고 아래 코드를 입력하세요.',
  },
} as const satisfies Table;
