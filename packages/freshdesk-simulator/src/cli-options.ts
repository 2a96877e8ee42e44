import { parseArgs } from 'node:util';
import { parseFaultSchedule, parseFaultSpec } from './faults.js';
import { PLANS, type Plan } from './rate-limit.js';
import type { SimulatorOptions } from './simulator.js';

export const USAGE = `Usage: freshdesk-simulator [options]

A local, stateful Freshdesk API v2 server for tests, demos and benchmarks.

Options:
  --port <n>                 TCP port (default 8787; 0 picks a free one)
  --host <address>           Interface to bind (default 127.0.0.1)
  --api-key <key>            API key clients must send (default: a random one, printed on start)
  --seed <text>              Seed of the generated data (default "sluice")
  --tickets <n>              Number of tickets (default 1000)
  --contacts <n>             Number of contacts (default max(20, tickets/4))
  --companies <n>            Number of companies (default max(5, contacts/10))
  --agents <n>               Number of agents (default 12)
  --groups <n>               Number of groups (default 5)
  --plan <plan>              Rate-limit plan: ${PLANS.join(', ')} (default enterprise)
  --requests-per-minute <n>  Override the plan's per-minute budget
  --no-rate-limit            Turn rate limiting off
  --time-scale <x>           Rate-limit minutes pass x times faster (60: a minute lasts a second)
  --faults <spec>            Fault probabilities, e.g. 503:0.05,reset:0.01,slow:0.02
  --fault-schedule <spec>    Faults on fixed API request numbers (from 1), e.g. 10:429,25:reset
  --slow-ms <n>              Delay of a "slow" fault in ms (default 2000)
  --now <iso date>           The simulated "now" the data is generated against
  -h, --help                 Show this help
`;

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Turns CLI arguments into simulator options; throws an actionable error on bad input. */
export function parseCliOptions(argv: string[]): SimulatorOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      seed: { type: 'string' },
      tickets: { type: 'string' },
      contacts: { type: 'string' },
      companies: { type: 'string' },
      agents: { type: 'string' },
      groups: { type: 'string' },
      plan: { type: 'string' },
      'requests-per-minute': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'time-scale': { type: 'string' },
      faults: { type: 'string' },
      'fault-schedule': { type: 'string' },
      'slow-ms': { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const plan = values.plan;
  if (plan !== undefined && !PLANS.includes(plan as Plan)) {
    throw new Error(`--plan must be one of ${PLANS.join(', ')}, got "${plan}"`);
  }
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  if (timeScale !== undefined && !(timeScale > 0)) throw new Error(`--time-scale must be a positive number`);
  const options: SimulatorOptions = { port: int('port', values.port) ?? 8787 };
  if (values.host) options.host = values.host;
  if (values['api-key']) options.apiKey = values['api-key'];
  if (values.seed) options.seed = values.seed;
  const sizes = ['tickets', 'contacts', 'companies', 'agents', 'groups'] as const;
  for (const size of sizes) {
    const n = int(size, values[size]);
    if (n !== undefined) options[size] = n;
  }
  if (plan) options.plan = plan as Plan;
  const rpm = int('requests-per-minute', values['requests-per-minute']);
  if (rpm !== undefined) options.requestsPerMinute = rpm;
  if (values['no-rate-limit']) options.rateLimit = false;
  if (timeScale !== undefined) options.timeScale = timeScale;
  if (values.faults || values['fault-schedule'] || values['slow-ms']) {
    options.faults = {};
    if (values.faults) options.faults.probabilities = parseFaultSpec(values.faults);
    if (values['fault-schedule']) options.faults.schedule = parseFaultSchedule(values['fault-schedule']);
    const slowMs = int('slow-ms', values['slow-ms']);
    if (slowMs !== undefined) options.faults.slowMs = slowMs;
  }
  if (values.now) options.now = values.now;
  return options;
}
