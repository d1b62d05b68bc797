// Every tracer recogniser, in the order they are tried on an event. Startup configuration
// lines first (they are context for everything after); a language whose words another
// language reuses goes before it (Ruby 0.x prints Node's `DATADOG TRACER DIAGNOSTIC` words).
import type {Recognizer} from '../engine/types';
import {recognizer as agentLog} from './agent-log';
import {recognizer as agentStatus} from './agent-status';
import {recognizer as cpp} from './cpp';
import {recognizer as dotnet} from './dotnet';
import {recognizer as go} from './go';
import {recognizer as java} from './java';
import {recognizer as nodejs} from './nodejs';
import {recognizer as php} from './php';
import {recognizer as python} from './python';
import {recognizer as ruby} from './ruby';
import {recognizer as rust} from './rust';
import {recognizer as startupConfig} from './startup-config';

// The Agent's own log lines and pasted `agent status` come last: they are not tracer output.
export const recognizers: readonly Recognizer[] = [
  startupConfig,
  java,
  python,
  ruby,
  go,
  nodejs,
  dotnet,
  php,
  cpp,
  rust,
  agentLog,
  agentStatus,
];
