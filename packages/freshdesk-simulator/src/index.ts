export type {
  AddCustomFieldOptions,
  ChangeFieldTypeOptions,
  MutableResource,
  MutateOptions,
} from './control.js';
export { SimulatorControl } from './control.js';
export type { CustomFieldResource, CustomFieldType } from './data/custom-fields.js';
export { CUSTOM_FIELD_TYPES } from './data/custom-fields.js';
export type { FaultKind, FaultOptions, ScheduledFault } from './faults.js';
export { FAULT_KINDS, parseFaultSchedule, parseFaultSpec } from './faults.js';
export type { Plan, RateLimits } from './rate-limit.js';
export { PLAN_LIMITS, PLANS } from './rate-limit.js';
export type { ResponseRecord } from './server.js';
export type { Simulator, SimulatorOptions } from './simulator.js';
export { startSimulator } from './simulator.js';
export type { RatingPatch } from './store/rating-edit.js';
export type { SnapshotOptions, SnapshotResource } from './store/snapshot.js';
export { SNAPSHOT_RESOURCES } from './store/snapshot.js';
