// The engine's public face: what the CLI, the bridge and the content script call.
// (Implementation lives in scan.ts / diagnose.ts; this file only re-exports.)
export {scanText, Scanner, type ScanOptions, type ScanResult} from './scan';
export {diagnose, findingJsonHead, toFindingJson} from './diagnose';
export * from './types';
