import { EXIT_OK } from '../config/errors.js';
import { gatherOptions, resolveRunSettings } from '../config/resolve.js';
import { describeFailure } from '../sync/failures.js';
import { runSync } from '../sync/run-sync.js';
import { parseCommandArgs, settingFlags } from './args.js';
import { RUN_HELP } from './help.js';
import type { CliIo } from './io.js';
import { reporterFor } from './reporter.js';
import { withInterrupt } from './signals.js';

export async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('run', args, settingFlags());
  if (parsed.help) {
    io.stdout.write(`${RUN_HELP}\n`);
    return EXIT_OK;
  }
  const raw = await gatherOptions(parsed.raw, io.env, parsed.config);
  const settings = await resolveRunSettings(raw, io.env);
  const reporter = reporterFor(settings.logFormat, io);
  try {
    await withInterrupt((signal) =>
      runSync(settings, {
        reporter,
        signal,
        ...(io.env.SLUICE_TEST_CRASH_AT ? { crashAt: io.env.SLUICE_TEST_CRASH_AT } : {}),
      }),
    );
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error);
    reporter.fail(failure.message, failure.exitCode);
    return failure.exitCode;
  }
}
