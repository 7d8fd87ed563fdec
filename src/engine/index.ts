// The engine: pure functions over the compiled rule set. No React, no DOM, no I/O.
export * from './types';
export { screen, verdicts } from './evaluate';
export { buildIndex, factsRead, indexed } from './build-index';
export { nodeTable, refsOf } from './tree';
export { effectiveAnswers, impliedGates, closedQuestions } from './premises';
export { nextQuestions, irrelevantAnswers } from './questions';
export { parseAnswers, serializeAnswers, checkValue, checkConsistency, ANSWERS_VERSION } from './answers';
export type { AnswerError, Parsed } from './answers';
export { ageOn, addDays, addDuration, ageOfMajority, today, isValidDate } from './dates';
