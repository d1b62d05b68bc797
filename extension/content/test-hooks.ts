// Test builds only (__TEST__): publishes the content script's state on <html data-apm-doctor-test>
// so browser tests can wait for "idle with N findings" instead of sleeping. Release builds
// compile this away. (Our observer does not watch attributes, so this causes no rescans.)
import type {FindingStore} from './findings';
import type {Pipeline} from './pipeline';

export interface TestState {
  idle: boolean;
  findings: number;
  highlighted: string[];
  markers: number;
  adapter: string;
  env: string;
  tabId: number | null;
  batches: number;
  rowsScanned: number;
  rescans: number;
  dead: boolean;
  ms?: Record<string, number>;
}

export function publishTestState(state: TestState): void {
  document.documentElement.setAttribute('data-apm-doctor-test', JSON.stringify(state));
}

export function snapshot(store: FindingStore, pipeline: Pipeline): Pick<TestState, 'findings' | 'highlighted' | 'idle' | 'batches' | 'rowsScanned' | 'rescans' | 'ms'> {
  return {
    findings: store.size,
    highlighted: store.all().map((p) => p.range.toString()),
    idle: pipeline.idle,
    batches: pipeline.stats.batches,
    rowsScanned: pipeline.stats.rowsScanned,
    rescans: pipeline.stats.rescans,
    ms: {walk: Math.round(pipeline.stats.msWalk), read: Math.round(pipeline.stats.msRead), engine: Math.round(pipeline.stats.msEngine), place: Math.round(pipeline.stats.msPlace)},
  };
}
