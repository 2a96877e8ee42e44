import { EXIT_OK, EXIT_USAGE } from '../config/errors.js';
import { describeFailure } from '../sync/failures.js';
import { MAIN_HELP } from './help.js';
import type { CliIo } from './io.js';
import { resourcesCommand } from './resources.js';
import { runCommand } from './run.js';
import { statusCommand } from './status.js';

/** The demo loads the simulator: only when asked for, so the other commands start fast without it. */
const demoCommand = async (args: readonly string[], io: CliIo): Promise<number> =>
  (await import('./demo.js')).demoCommand(args, io);

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  run: runCommand,
  demo: demoCommand,
  status: statusCommand,
  resources: resourcesCommand,
};

/** The `sluice-sync` entry: dispatches to a command and turns every error into a message and an exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(`${MAIN_HELP}\n`);
      return first === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (first === '--demo') return await demoCommand(rest, io);
    const command = COMMANDS[first];
    if (!command) {
      io.stderr.write(
        `error: unknown command ${JSON.stringify(first)}. Commands: ${Object.keys(COMMANDS).join(', ')}; run \`sluice-sync --help\`.\n`,
      );
      return EXIT_USAGE;
    }
    return await command(rest, io);
  } catch (error) {
    const failure = describeFailure(error);
    io.stderr.write(`error: ${failure.message}\n`);
    return failure.exitCode;
  }
}
