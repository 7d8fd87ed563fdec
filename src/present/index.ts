// Presentation helpers shared by the CLI and the web UI: pure functions from engine results and
// a translate function to display strings. No React, no DOM, no I/O.
export type { Translate } from './translate';
export { aside, labelled, orList, plainList } from './translate';
export { formatCitation, sameCitation } from './cite';
export { TRUTH_MARK, verdictLabelKey, summaryKey, lineText, expertReasonText, periodsText, routeTexts } from './result';
export { openQuestionsByCategory } from './open-questions';
export { documentChecklist, relevantDocuments, checklistCategories, provesByCategory } from './checklist';
export type { ChecklistEntry, ProvedCondition, RelevantDocument } from './checklist';
export { deadlineTexts } from './deadlines';
export type { DeadlineText } from './deadlines';
