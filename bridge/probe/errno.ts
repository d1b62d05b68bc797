// strerror text (curl -v, wget, bash, Go) → errno name, so every tool reports the same codes.
const TEXT_TO_CODE: readonly [RegExp, string][] = [
  [/connection refused/i, 'ECONNREFUSED'],
  [/no such file or directory/i, 'ENOENT'],
  [/permission denied/i, 'EACCES'],
  [/operation not permitted/i, 'EPERM'],
  [/connection timed out|timed out|timeout/i, 'TIMEOUT'],
  [/no route to host/i, 'EHOSTUNREACH'],
  [/network is unreachable/i, 'ENETUNREACH'],
  [/cannot assign requested address/i, 'EADDRNOTAVAIL'],
  [/connection reset by peer/i, 'ECONNRESET'],
  [/broken pipe/i, 'EPIPE'],
  [/protocol wrong type for socket/i, 'EPROTOTYPE'],
  [/socket operation on non-socket|not a socket/i, 'ENOTSOCK'],
  [/address family not supported/i, 'EAFNOSUPPORT'],
  [/temporary failure in name resolution/i, 'EAI_AGAIN'],
  [/name or service not known|could not resolve host|unable to resolve host|bad address|no address associated|nodename nor servname/i, 'ENOTFOUND'],
];

export function codeFromText(text: string): string {
  for (const [re, code] of TEXT_TO_CODE) if (re.test(text)) return code;
  return 'ERROR';
}
