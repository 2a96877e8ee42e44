import type { PipelineEvent } from '@sluice/loader-core';

/** Peak memory per pipeline phase: tells the JS heap from native memory (DuckDB, buffers). */
export interface PhaseMemory {
  /** Peak RSS seen while in this phase, bytes. */
  rss: number;
  /** Peak V8 heap used, bytes. */
  heapUsed: number;
  /** Peak memory of ArrayBuffers and Buffers, bytes. */
  arrayBuffers: number;
}

const PHASE_OF: Partial<Record<PipelineEvent['type'], string>> = {
  run_started: 'extract',
  package_extracted: 'normalize',
  package_normalized: 'load',
  run_completed: 'done',
};

/**
 * Samples `process.memoryUsage()` every `intervalMs` and keeps the peaks per phase of a pipeline run, the
 * phase following the run's events. Sampling costs little and cannot see spikes shorter than the interval;
 * the child's `maxRSS` remains the authoritative peak.
 */
export function memorySampler(intervalMs = 100) {
  let phase = 'start';
  const peaks: Record<string, PhaseMemory> = {};
  const sample = () => {
    const m = process.memoryUsage();
    const p = peaks[phase] ?? { rss: 0, heapUsed: 0, arrayBuffers: 0 };
    peaks[phase] = {
      rss: Math.max(p.rss, m.rss),
      heapUsed: Math.max(p.heapUsed, m.heapUsed),
      arrayBuffers: Math.max(p.arrayBuffers, m.arrayBuffers),
    };
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peaks,
    onEvent(event: PipelineEvent): void {
      const next = PHASE_OF[event.type];
      if (next) {
        sample();
        phase = next;
      }
    },
    stop(): Record<string, PhaseMemory> {
      sample();
      clearInterval(timer);
      return peaks;
    },
  };
}
