// The WebAssembly module's memory layout (teddy.wat's header) and Teddy's bucket count.
export const MASKS = 0;
export const TABLE = 1024;
export const TABLE_SLOTS = 512;
export const GROUPS = 5120;
export const MAX_GROUPS = 256;
export const HINTS = 8192;
export const MAX_HINTS = 1365;
export const HINT_BYTES = 24576;
export const HINT_BYTES_END = 57344;
export const OUT = 65536;
/** Results per call of `scan` (12 bytes each); a text with more calls it again from where it stopped. */
export const OUT_RESULTS = 16384;
export const TEXT = OUT + OUT_RESULTS * 12;
/** Zero bytes after the text: the search loads up to 16 bytes past a block's start. */
export const PAD = 32;
export const BUCKETS = 8;
export const PAGE = 65536;

