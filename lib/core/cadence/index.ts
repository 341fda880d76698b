export { cadenceState, type CadenceInput } from './state';
export { CADENCE_EXIT_ACTIVITY_TYPES, cadenceExitAt, findExit, STAGES_THAT_END_THE_CADENCE, stageEndsCadence, type ExitActivity, type ExitReason } from './exits';
export { nextStep, type NextStep } from './next-step';
