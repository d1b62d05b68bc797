// apm-doctor — the CLI on the same engine as the extension.
//
//   diagnose [--format text|json] [--env ENV] [FILE]   findings in a log (stdin by default)
//   probe    [--format text|json] [TARGET] [--docker C | --k8s [NS/]POD [-c C] [--context X]]
//   status   [--format text|json] [--docker C | --k8s POD]
//   bridge   [--port N] [--forget]                     the local WebSocket bridge for the extension
//   bundle   [--format md|json] [FILE]                 the support bundle for the logs in FILE/stdin
//   redact                                             stdin → stdout through the bundle's scrubber
//
// Each command is one module in bridge/commands/ exporting `run(argv, io)`; exit codes:
// 0 ran, 2 bad usage or unreadable input (SPEC §4).
import {commands} from './commands/index';
import {realIo, stdioFlushed} from './io';

const [name, ...rest] = process.argv.slice(2);
const io = realIo();
const load = name && Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
if (!load) {
  io.err(`usage: apm-doctor <${Object.keys(commands).join('|')}> [options]\n`);
  process.exitCode = 2;
} else {
  void load()
    .then((command) => command(rest, io))
    .then((code) => {
      process.exitCode = code;
      // A command that returned is done: exiting now skips Node tearing down what it leaves
      // behind (a diagnose's heap and WebAssembly memory: ~4 ms of its ~300 ms on the bench log).
      if (stdioFlushed()) process.exit();
    });
}
