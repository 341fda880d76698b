export { cadenceState, type CadenceInput } from './state';
export { cadenceExitAt, findExit, stageEndsCadence, type ExitReason } from './exits';
