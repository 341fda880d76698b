export { cadenceState, type CadenceInput } from './state';
export { findExit, type ExitReason } from './exits';
