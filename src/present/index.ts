// Presentation helpers shared by the CLI and the web UI: pure functions from engine results and
// a translate function to display strings. No React, no DOM, no I/O.
export type { Translate } from './translate';
export { aside, colon, labelled, orList, phraseList, plainList, quoted, sentences } from './translate';
export { DEFAULT_LANG, LANGS, LANGUAGES, LAW_LANG, isLang, languageOf, partnerOf, typographyOf } from './languages';
export type { Language, Typography } from './languages';
export { formatCitation, sameCitation } from './cite';
export {
  TRUTH_MARK,
  verdictLabelKey,
  summaryKey,
  lineText,
  expertReasonText,
  periodsText,
  routeTexts,
  failing,
  splitTitle,
} from './result';
export { formatDate, spanBetween, windowSpan } from './dates';
export { headline, headlineRoute, lateSentence, spanText, HEADLINE_MAX } from './headline';
export type { Headline, HeadlineItem, HeadlineTone } from './headline';
export { helplinesFor, japaneseOnly, linkHref, telHref } from './links';
export type { LinkSet, OfficialLink } from './links';
export { openQuestionsByCategory } from './open-questions';
export { documentChecklist, relevantDocuments, checklistCategories, provesByCategory } from './checklist';
export type { ChecklistEntry, ProvedCondition, RelevantDocument } from './checklist';
export { deadlineTexts } from './deadlines';
export type { DeadlineText } from './deadlines';
export { SECTIONS, sectionOf, sectionProgress } from './sections';
export type { SectionId, SectionProgress } from './sections';
