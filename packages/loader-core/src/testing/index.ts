export {
  MEMORY_CAPABILITIES,
  MemoryDestination,
  type MemoryDestinationOptions,
  type MemoryLoadStep,
} from './memory-destination.js';
