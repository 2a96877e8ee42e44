#!/usr/bin/env node
import { parseCliOptions, USAGE } from './cli-options.js';
import { type SimulatorOptions, startSimulator } from './simulator.js';

async function main(): Promise<void> {
  let options: SimulatorOptions | 'help';
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const sim = await startSimulator(options);
  // Printing the key is deliberate: it is the key of this local fake, which clients need to connect.
  process.stdout.write(
    `Freshdesk simulator listening on ${sim.url}\n` +
      `  API base URL: ${sim.baseUrl}\n` +
      `  API key:      ${sim.apiKey}\n` +
      `  Control API:  ${sim.url}/_control/info\n`,
  );
  const shutdown = () => {
    sim.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();
