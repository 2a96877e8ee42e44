// Starts a ZetaSQL analyzer and never stops it: the lifecycle test kills this process to prove the server
// does not outlive it.
import { createZetaSqlAnalyzer } from '../../src/index.js';

await createZetaSqlAnalyzer();
process.stdout.write('ready\n');
setInterval(() => undefined, 1_000);
