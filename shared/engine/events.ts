// Which lines continue the line above them, so one multi-line event (a Java stack trace, a
// Python traceback, a .NET inner-exception chain, a Node error object) becomes one finding.

/** Longest event we assemble; a longer run of continuation lines starts a new event. */
export const MAX_EVENT_LINES = 200;

// Stack frames, indented detail, object/array closers, chained-exception headers.
const CONTINUATION =
  /^(?:[ \t]+\S|\}|\]|\)|"\s*$|Caused by:|Traceback \(most recent call last\)|During handling of the above exception|The above exception was the direct cause|--- End of |\.\.\. \d+ more|\{ ?[A-Z][A-Za-z]+: )/;
// A fully-qualified exception class at column 0 (`java.net.ConnectException: …`,
// `System.Net.Http.HttpRequestException: …`, `tenacity.RetryError: …`) never starts a log record.
const QUALIFIED_EXCEPTION = /^[A-Za-z_$][\w$]*(?:\.[\w$`]+)+(?:Exception|Error)\b/;
// Python's last traceback line (`ConnectionRefusedError: [Errno 111] …`) follows an indented frame.
const BARE_EXCEPTION = /^(?:[A-Z]\w*)?(?:Error|Exception|Interrupt|Timeout)(?::|$)/;
// What may follow a `leadsInto` header: an error's first line (`Error: connect ECONNREFUSED …`,
// `NoTransmitError: …`, `java.net.ConnectException: …`, curl's `Failed to connect to …`).
export const ERROR_START = /^(?:(?:[A-Za-z_$][\w$.]*)?(?:Error|Exception)\b|Failed to connect|Could not resolve|Couldn't|Traceback \(|Operation timed out|Connection timed out)/;

export function isContinuation(text: string, prevText: string | null): boolean {
  if (CONTINUATION.test(text) || QUALIFIED_EXCEPTION.test(text)) return true;
  return prevText !== null && /^[ \t]/.test(prevText) && BARE_EXCEPTION.test(text);
}
