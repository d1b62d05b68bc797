// npm run build: the CLI/bridge into dist/cli, the extension into dist/chrome and dist/firefox.
import {buildCli} from './build-cli.mjs';
import {buildExtension} from './build-extension.mjs';

await buildCli();
await buildExtension();
