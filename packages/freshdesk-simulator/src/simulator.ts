import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SimClock } from './clock.js';
import { SimulatorControl } from './control.js';
import { FaultInjector, type FaultOptions } from './faults.js';
import { createHttpControl } from './http-control.js';
import { limitsFor, PLANS, type Plan, RateLimiter } from './rate-limit.js';
import { createRouter } from './routes/index.js';
import { createSimulatorServer, type ResponseRecord } from './server.js';
import { SimulatorState } from './store/state.js';

export interface SimulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Seed of all generated data and of probabilistic faults; default "sluice". */
  seed?: string | number;
  /** API key clients must send; default a random one. */
  apiKey?: string;
  /** Helpdesk subdomain reported as `domain`; default "simulated". */
  domain?: string;
  /** Number of tickets; default 1000. From 10 to 1,000,000 and beyond. */
  tickets?: number;
  /** Number of contacts; default max(20, tickets / 4). */
  contacts?: number;
  /** Number of companies; default max(5, contacts / 10). */
  companies?: number;
  /** Number of agents; default 12. */
  agents?: number;
  /** Number of groups; default 5. */
  groups?: number;
  /** Plan whose per-minute limits apply; default "enterprise". */
  plan?: Plan;
  /** Overrides the plan's per-minute budget (sub-limits scale along). */
  requestsPerMinute?: number;
  /** false turns rate limiting off (the headers then report a huge budget). */
  rateLimit?: boolean;
  /** How much faster than real time the rate-limit minute passes; 60 makes a minute last one second. */
  timeScale?: number;
  /** Fault injection by probability or schedule. */
  faults?: FaultOptions;
  /** The simulated "now" the data is generated against (default: the real current time). */
  now?: Date | string | number;
  /** Serialized records cached per resource (default 100,000). */
  jsonCacheSize?: number;
  /** Called with every response sent (for conformance checks in tests). */
  onResponse?: (record: ResponseRecord) => void;
}

export interface Simulator {
  /** Origin, e.g. http://127.0.0.1:54321 */
  url: string;
  /** API base, e.g. http://127.0.0.1:54321/api/v2 */
  baseUrl: string;
  domain: string;
  apiKey: string;
  control: SimulatorControl;
  stop(): Promise<void>;
}

function positiveInteger(name: string, value: number | undefined, fallback: number, min = 0): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return n;
}

/** Starts a simulated Freshdesk account on loopback. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const tickets = positiveInteger('tickets', options.tickets, 1000);
  const contacts = positiveInteger('contacts', options.contacts, Math.max(20, Math.floor(tickets / 4)), 1);
  const companies = positiveInteger('companies', options.companies, Math.max(5, Math.floor(contacts / 10)));
  const agents = positiveInteger('agents', options.agents, 12, 1);
  const groups = positiveInteger('groups', options.groups, 5, 1);
  const plan = options.plan ?? 'enterprise';
  if (!PLANS.includes(plan)) throw new Error(`Unknown plan "${plan}"; use one of ${PLANS.join(', ')}.`);
  if (options.requestsPerMinute !== undefined)
    positiveInteger('requestsPerMinute', options.requestsPerMinute, 1, 1);
  const seed = String(options.seed ?? 'sluice');
  const apiKey = options.apiKey ?? randomBytes(15).toString('base64url');
  const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (Number.isNaN(nowMs)) throw new Error(`now must be a valid date, got ${String(options.now)}`);

  const clock = new SimClock(nowMs);
  const state = new SimulatorState({
    seed,
    sizes: { tickets, contacts, companies, agents, groups },
    clock,
    jsonCacheSize: positiveInteger('jsonCacheSize', options.jsonCacheSize, 100_000),
  });
  const faults = new FaultInjector(seed, options.faults);
  const limiter =
    options.rateLimit === false
      ? undefined
      : new RateLimiter(limitsFor(plan, options.requestsPerMinute), options.timeScale ?? 1);
  const control = new SimulatorControl(state, faults);
  const server = createSimulatorServer({
    state,
    router: createRouter(),
    apiKey,
    limiter,
    faults,
    control: createHttpControl(control),
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
  });
  server.keepAliveTimeout = 30_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard bind is reachable on loopback; report that address so the URL works as printed.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const url = `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
  return {
    url,
    baseUrl: `${url}/api/v2`,
    domain: options.domain ?? 'simulated',
    apiKey,
    control,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
