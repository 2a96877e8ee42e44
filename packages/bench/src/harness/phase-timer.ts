import type { PipelineEvent } from '@sluice/loader-core';

/** Wall and CPU time of one phase of a pipeline run, delimited by two of its events. */
export interface PhaseTiming {
  wallMs: number;
  /** User + system CPU of the whole process during the phase (main thread, GC and I/O threads). */
  cpuMs: number;
}

/**
 * Times the phase between the `start` and `end` events of a run (e.g. `package_extracted` →
 * `package_normalized` is normalization), from the pipeline's public event stream.
 */
export function phaseTimer(start: PipelineEvent['type'], end: PipelineEvent['type']) {
  let startedAt = 0;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  const timing: PhaseTiming = { wallMs: 0, cpuMs: 0 };
  const onEvent = (event: PipelineEvent): void => {
    if (event.type === start) {
      startedAt = performance.now();
      cpuAtStart = process.cpuUsage();
    } else if (event.type === end && cpuAtStart) {
      timing.wallMs += performance.now() - startedAt;
      const cpu = process.cpuUsage(cpuAtStart);
      timing.cpuMs += (cpu.user + cpu.system) / 1000;
      cpuAtStart = undefined;
    }
  };
  return { timing, onEvent };
}
