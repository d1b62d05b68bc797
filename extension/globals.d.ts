/** true in test builds only (scripts/build-extension.mjs → dist/chrome-test); dead code elsewhere. */
declare const __TEST__: boolean;
