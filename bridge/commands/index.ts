import type {Command} from '../io';
import {run as bridge} from './bridge';
import {run as bundle} from './bundle';
import {run as diagnose} from './diagnose';
import {run as probe} from './probe';
import {run as redact} from './redact';
import {run as status} from './status';

/** One entry per subcommand; each lives in its own file. */
export const commands: Record<string, Command> = {diagnose, probe, status, bridge, bundle, redact};
