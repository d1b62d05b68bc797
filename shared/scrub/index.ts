// Redaction, modelled on the Datadog Agent flare's scrubber. Everything that leaves the
// product (support bundle, `apm-doctor redact`) goes through here.
export {hideExceptLastFive, KEPT_SUFFIX, maskSecretValue, REDACTED} from './mask';
export {isSecretName} from './key-value';
export {replacers} from './replacers/index';
export {scrubConfig, scrubData, scrubLine, scrubMultiline, scrubText} from './scrubber';
export {HOLD_LIMIT_CHARS, StreamScrubber} from './stream';
export type {Replacer, ScrubExample} from './types';
