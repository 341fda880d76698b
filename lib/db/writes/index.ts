export type { WriteContext } from './context';
export { logAttempt, type LogAttemptInput } from './log-attempt';
export { undoAttempt } from './undo-attempt';
export { amendAttempt, type AttemptAmendment } from './amend-attempt';
export { changeStage, undoStageChange, type MadeStageChange, type StageChange } from './change-stage';
export { suggestLead, type SuggestLeadInput } from './suggest-lead';
export { noteQuestion, type NoteQuestionInput } from './note-question';
