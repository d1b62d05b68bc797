import {describe, expect, it} from 'vitest';
import {normalizeLine, stripDecorations} from '../../../shared/engine/normalize';

describe('normalizeLine: what consoles add around a message', () => {
  it.each([
    ['Kubernetes CRI prefix', '2026-11-25T10:00:00.123456789Z stderr F Error: connect ECONNREFUSED 127.0.0.1:8126', 'Error: connect ECONNREFUSED 127.0.0.1:8126'],
    ['kubectl --prefix', '[pod/web-7d9f/app] Error: connect ECONNREFUSED 127.0.0.1:8126', 'Error: connect ECONNREFUSED 127.0.0.1:8126'],
    ['docker compose prefix', 'web-1  | Error: connect ECONNREFUSED 127.0.0.1:8126', 'Error: connect ECONNREFUSED 127.0.0.1:8126'],
    ['GitHub Actions timestamp', '2026-11-25T10:00:00.1234567Z Error: connect ECONNREFUSED 127.0.0.1:8126', 'Error: connect ECONNREFUSED 127.0.0.1:8126'],
    ['timestamp and level', '2026-11-25 10:00:00,123 ERROR Error: connect ECONNREFUSED', 'Error: connect ECONNREFUSED'],
    ['Spring Boot padded level', '2021-08-24 18:38:01.990  INFO 1 --- [main] app started', '1 --- [main] app started'],
    ['ANSI colours', '\x1b[31mERROR\x1b[0m something', 'ERROR something'],
    ['a stack frame keeps its indentation after a CRI prefix', '2026-11-25T10:00:00Z stdout F \tat okhttp3.RealConnection.connect(RealConnection.java:1)', '\tat okhttp3.RealConnection.connect(RealConnection.java:1)'],
    ['CRLF line ending', 'message\r', 'message'],
  ])('%s', (_why, raw, text) => {
    expect(normalizeLine(raw, 7)[0]).toMatchObject({line: 7, text});
  });

  it('unwraps a JSON envelope and splits escaped newlines into lines of the same physical line', () => {
    const raw = JSON.stringify({level: 'error', time: '2026-11-25T10:00:00Z', message: 'send failed', stack_trace: 'java.net.ConnectException: Connection refused\n\tat x.y(Z.java:1)'});
    expect(normalizeLine(raw, 3)).toEqual([
      {line: 3, text: 'send failed', timestamp: '2026-11-25T10:00:00Z'},
      {line: 3, text: 'java.net.ConnectException: Connection refused', timestamp: '2026-11-25T10:00:00Z'},
      {line: 3, text: '\tat x.y(Z.java:1)', timestamp: '2026-11-25T10:00:00Z'},
    ]);
  });

  it('reads python-json-logger exc_info and a Docker json-file record around an app JSON line', () => {
    const py = JSON.stringify({message: 'failed to send traces', exc_info: 'Traceback (most recent call last):\n  File "x.py", line 1'});
    expect(normalizeLine(py, 1).map((l) => l.text)).toEqual(['failed to send traces', 'Traceback (most recent call last):', '  File "x.py", line 1']);
    const docker = JSON.stringify({log: `${JSON.stringify({msg: 'Error: connect ECONNREFUSED 127.0.0.1:8126'})}\n`, stream: 'stderr', time: '2026-11-25T10:00:00Z'});
    expect(normalizeLine(docker, 1).map((l) => l.text)).toContain('Error: connect ECONNREFUSED 127.0.0.1:8126');
  });

  it('leaves non-envelope JSON-looking and broken lines alone', () => {
    for (const raw of ['{ errno: -111,', '{"no_message_field": 1}', '{"message": "unterminated', '{}']) {
      expect(normalizeLine(raw, 1)).toEqual([{line: 1, text: raw, timestamp: null}]);
    }
  });

  it('keeps the timestamp it stripped', () => {
    expect(stripDecorations('2026-11-25T10:00:00.123Z stdout F hello').timestamp).toBe('2026-11-25T10:00:00.123Z');
  });
});
