import type { WriteStream } from 'node:tty';
import type { LogFormat } from '../config/settings.js';
import { jsonReporter } from '../output/json-reporter.js';
import { plainReporter } from '../output/plain-reporter.js';
import { ttyReporter } from '../output/tty-reporter.js';
import type { SyncReporter } from '../sync/reporter.js';
import type { CliIo } from './io.js';

/** JSON lines when asked, a live view on a terminal, plain lines otherwise. */
export function reporterFor(format: LogFormat, io: CliIo): SyncReporter {
  if (format === 'json') return jsonReporter(io.stdout);
  if (io.stdout.isTTY && !io.env.CI) return ttyReporter(io.stdout as WriteStream);
  return plainReporter(io.stdout, io.stderr);
}
