// apm-doctor redact [--config] [FILE]
// stdin (or FILE) → stdout through the support bundle's scrubber (shared/scrub), streamed: each
// line leaves as soon as it is final (a PEM block or a community_strings list waits for its
// end), so `kubectl logs -f POD | apm-doctor redact` works and a huge log never becomes one string.
// --config treats the input as a config file the way the flare treats datadog.yaml: `#` comment
// lines are dropped (that mode reads the whole input first).
// Input is decoded as UTF-8; bytes that aren't UTF-8 come out as U+FFFD.
import {open} from 'node:fs/promises';
import {StringDecoder} from 'node:string_decoder';
import {scrubConfig, StreamScrubber} from '../../shared/scrub/index';
import type {Command} from '../io';
import {parseArgs} from './args';

const USAGE = 'usage: apm-doctor redact [--config] [FILE]   (stdin when FILE is absent or -)';

async function* chunksOf(file: string | undefined): AsyncGenerator<Buffer> {
  if (file === undefined || file === '-') {
    for await (const chunk of process.stdin) yield chunk as Buffer;
    return;
  }
  const fh = await open(file, 'r');
  try {
    for await (const chunk of fh.createReadStream({highWaterMark: 64 * 1024, autoClose: false})) yield chunk as Buffer;
  } finally {
    await fh.close();
  }
}

function readError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message;
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: [], flags: ['config', 'help'], aliases: {'-h': '--help'}});
  if ('error' in args) {
    io.err(`apm-doctor redact: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  if (args.flags.has('help')) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length > 1) {
    io.err(`apm-doctor redact: give at most one FILE\n${USAGE}\n`);
    return 2;
  }
  const file = args.positionals[0];
  const decoder = new StringDecoder('utf8');
  // `… | apm-doctor redact | head`: when the reader goes away, stop quietly like any filter.
  // The listener stays: writes already queued report EPIPE after we return.
  let readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  try {
    if (args.flags.has('config')) {
      let text = '';
      for await (const chunk of chunksOf(file)) text += decoder.write(chunk);
      text += decoder.end();
      const out = scrubConfig(text);
      io.out(out === '' || out.endsWith('\n') ? out : `${out}\n`);
      return 0;
    }
    const scrubber = new StreamScrubber();
    for await (const chunk of chunksOf(file)) {
      if (readerGone) return 0;
      const out = scrubber.push(decoder.write(chunk));
      if (out) io.out(out);
    }
    const rest = scrubber.push(decoder.end()) + scrubber.end();
    if (rest) io.out(rest);
    return 0;
  } catch (e) {
    io.err(`apm-doctor redact: cannot read ${file ?? 'stdin'}: ${readError(e)}\n`);
    return 2;
  }
};
