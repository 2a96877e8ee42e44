export {
  type ConformanceCase,
  type ConformanceOptions,
  type ConformanceTarget,
  describeDestinationConformance,
  plain,
} from './conformance.js';
export { failingDestination, type InjectedFailure, InjectedFailureError } from './failing-destination.js';
export {
  MEMORY_CAPABILITIES,
  MemoryDestination,
  type MemoryDestinationOptions,
  type MemoryLoadStep,
} from './memory-destination.js';
