// Entry of the `diagnose` scan worker thread (see scan-parallel.ts): its own small bundle, so a
// worker starts without parsing the rest of the CLI.
import {runScanPartIfWorker} from './scan-part';

runScanPartIfWorker();
