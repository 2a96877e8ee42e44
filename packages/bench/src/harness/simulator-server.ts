// The process side of startSimulatorProcess: one simulator, started and stopped over IPC.
import { type Simulator, startSimulator } from '@sluice/freshdesk-simulator';
import type { SimulatorProcessOptions } from './simulator-process.js';

type Command = { type: 'start'; options: SimulatorProcessOptions } | { type: 'stop' };

let simulator: Simulator | undefined;

process.on('message', (command: Command) => {
  if (command.type === 'start') {
    startSimulator({ ...command.options, port: 0 }).then(
      (sim) => {
        simulator = sim;
        process.send?.({ type: 'started', baseUrl: sim.baseUrl, apiKey: sim.apiKey, domain: sim.domain });
      },
      (error: unknown) => {
        process.send?.({ type: 'error', error: String(error) }, () => process.exit(1));
      },
    );
  } else {
    void (async () => {
      await simulator?.stop();
      const peakRssBytes = process.resourceUsage().maxRSS * 1024;
      process.send?.({ type: 'stopped', peakRssBytes }, () => process.exit(0));
    })();
  }
});
// The parent's death ends the simulator too: no orphaned servers.
process.on('disconnect', () => process.exit(0));
