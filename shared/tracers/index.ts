// Every tracer recogniser, in the order they are tried on an event. Startup configuration
// lines first (they are context for everything after); a language whose words another
// language reuses goes before it (Ruby 0.x prints Node's `DATADOG TRACER DIAGNOSTIC` words).
import type {Recognizer} from '../engine/types';
import {recognizer as nodejs} from './nodejs';
import {recognizer as startupConfig} from './startup-config';

export const recognizers: readonly Recognizer[] = [startupConfig, nodejs];
