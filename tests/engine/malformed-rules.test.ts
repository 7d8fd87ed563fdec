// @vitest-environment node
// A corpus of malformed rule files: each is refused with the file and the field at fault.
// Every case copies rules/ and locales/ to a temporary folder, breaks one thing, and compiles.
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules-compiler/compile';
import { problemsAfterEdit } from '../support/broken-rules';
import { ROOT } from '../support/cases';

const N3 = 'rules/notified/notified-3.yaml';
const DL = 'rules/deadlines.yaml';
const LANGS_FILE = 'locales/languages.json';
const sub = (from: string, to: string) => (t: string) => {
  if (!t.includes(from)) throw new Error(`test setup: '${from}' not found`);
  return t.replace(from, to);
};

describe('malformed rule files are refused with file and field', () => {
  it.each([
    ['not YAML', N3, sub('kind: notified', 'kind: [notified'), `${N3}: : not valid YAML`],
    [
      'unknown fact',
      N3,
      sub('fact: parent_born_to_japanese', 'fact: parent_born_japan'),
      `${N3}: conditions.all.0.fact: unknown fact 'parent_born_japan'`,
    ],
    [
      'answer that is not an option',
      N3,
      sub('is: yes', 'is: maybe'),
      `${N3}: conditions.all.0.in: 'maybe' is not an answer of 'parent_born_to_japanese'`,
    ],
    [
      'unknown rule in an exclusion',
      N3,
      sub('notified-8-ho]', 'notified-9]'),
      `${N3}: excludes.rules: unknown rule 'notified-9'`,
    ],
    [
      'missing citation',
      N3,
      sub('source: { law: kokuji-132, item: 3, refs: [S55, S80, S81, S35] }', ''),
      `${N3}: source:`,
    ],
    ['unknown law', N3, sub('law: kokuji-132', 'law: kokuji-999'), `${N3}: source.law: unknown law 'kokuji-999'`],
    [
      'unknown source key',
      N3,
      sub('refs: [S55, S80, S81, S35]', 'refs: [S55, S999]'),
      `${N3}: source.refs: unknown source 'S999'`,
    ],
    ['bad date', N3, sub('from: 1990-06-01', 'from: 1990-13-01x'), `${N3}: inForce.from: a date written YYYY-MM-DD`],
    [
      'unknown field',
      N3,
      sub('discretionary: false', 'discretionary: false\nbogus: 1'),
      `${N3}: : Unrecognized key: "bogus"`,
    ],
    [
      'wrong kind for the folder',
      N3,
      sub('kind: notified', 'kind: redirect'),
      `${N3}: kind: must be 'notified' in notified/`,
    ],
    [
      'document proving no condition',
      N3,
      sub('proves: [parent-born-to-japanese]', 'proves: [nothing-here]'),
      `${N3}: documents.0.proves: no condition with id 'nothing-here'`,
    ],
    [
      'missing English text',
      'locales/en/rules/notified-3.json',
      sub('"parent-born-to-japanese":', '"parent-born-to-japanese-x":'),
      'locales/en/rules/notified-3.json: conditions.parent-born-to-japanese: missing English text',
    ],
    [
      'missing Japanese text',
      'locales/ja/rules/notified-3.json',
      sub('"title":', '"titel":'),
      'locales/ja/rules/notified-3.json: title: missing Japanese text',
    ],
    [
      'date comparison on a yes/no fact',
      N3,
      sub('fact: parent_born_to_japanese\n      is: yes', 'since: parent_born_to_japanese\n      passed: P1Y'),
      `${N3}: conditions.all.0.since: fact 'parent_born_to_japanese' is a yesno, expected date`,
    ],
    [
      'unread fact in the catalogue',
      'rules/facts.yaml',
      sub('- id: location\n', '- id: never_read\n  type: yesno\n  group: you\n  dontKnow: true\n- id: location\n'),
      'rules/facts.yaml: never_read: no rule reads this fact',
    ],
    [
      'premise naming an unknown fact',
      'rules/facts.yaml',
      sub(
        'premise: { fact: marital_status, in: [married, divorced, widowed] }',
        'premise: { fact: marital_state, in: [married] }',
      ),
      "rules/facts.yaml: 6.premise.fact: unknown fact 'marital_state'",
    ],
    [
      'premise naming a question asked later',
      'rules/facts.yaml',
      sub(
        'premise: { fact: marital_status, in: [married, divorced, widowed] }',
        'premise: { fact: dv_victim, in: ["yes"] }',
      ),
      "rules/facts.yaml: 6.premise.fact: 'dv_victim' must be a fact asked before 'spouse_status'",
    ],
    [
      'premise value that is not an answer',
      'rules/facts.yaml',
      sub(
        'premise: { fact: marital_status, in: [married, divorced, widowed] }',
        'premise: { fact: marital_status, in: [married, separated] }',
      ),
      "rules/facts.yaml: 6.premise.in.1: 'separated' is not an answer of 'marital_status'",
    ],
    [
      'premise else that is not an answer of the question',
      'rules/facts.yaml',
      sub(
        'premise: { fact: conduct_any, in: ["yes"], else: none }',
        'premise: { fact: conduct_any, in: ["yes"], else: "no" }',
      ),
      "rules/facts.yaml: 77.premise.else: 'no' is not an answer of 'conduct_prison'",
    ],
    [
      'premise age on a fact that is not a date',
      'rules/facts.yaml',
      sub(
        'premise: { fact: marital_status, in: [married, divorced, widowed] }',
        'premise: { age: location, under: 20 }',
      ),
      "rules/facts.yaml: 6.premise.age: 'location' is a choice, an age needs a date fact",
    ],
    [
      'a group taken up again after it was left',
      'rules/facts.yaml',
      sub('- id: dv_victim\n  type: yesno\n  group: marriage', '- id: dv_victim\n  type: yesno\n  group: you'),
      "rules/facts.yaml: 12.group: 'dv_victim' comes after the 'you' questions were left: keep each group together",
    ],
    [
      'unspecified type not discretionary',
      'rules/unspecified/unspecified-divorce.yaml',
      sub('discretionary: true', 'discretionary: false'),
      'rules/unspecified/unspecified-divorce.yaml: discretionary: every 告示外 type is discretionary',
    ],
    [
      'deadline counted from a fact that is not a date',
      DL,
      sub('from: [period_of_stay_expiry]', 'from: [current_status]'),
      `${DL}: 3.from.0: 'current_status' is not a date fact`,
    ],
    [
      'deadline governing an unknown category',
      DL,
      sub('rules: [notified-6-i,', 'rules: [notified-6-z,'),
      `${DL}: 2.governs.rules.0: unknown rule 'notified-6-z'`,
    ],
    [
      'deadline condition with an unknown fact',
      DL,
      sub('excusedWhen: { fact: dv_victim,', 'excusedWhen: { fact: dv_victim_x,'),
      `${DL}: 0.excusedWhen.fact: unknown fact 'dv_victim_x'`,
    ],
    [
      'application window that governs nothing',
      DL,
      sub('  governs:\n    routes: [change, renewal]\n', ''),
      `${DL}: 3.governs: an application window governs some categories`,
    ],
    [
      'duty to notify that caps categories',
      DL,
      sub('period: P14D', 'period: P14D\n  governs: { rules: [unspecified-divorce] }'),
      `${DL}: 1.governs: a duty to notify caps nothing`,
    ],
    [
      'parameter value dated wrongly',
      'rules/parameters.yaml',
      sub('2022-04-01: 18', '2022-4-1: 18'),
      'rules/parameters.yaml: age_of_majority.values.2022-4-1: a date written YYYY-MM-DD',
    ],
    [
      'parameter citing an unknown source',
      'rules/parameters.yaml',
      sub('refs: [S52, S112]', 'refs: [S52, S9999]'),
      "rules/parameters.yaml: age_of_majority.cite.refs: unknown source 'S9999'",
    ],
    [
      'route without its place',
      'rules/parameters.yaml',
      sub('    renewal: in_japan\n', ''),
      'rules/parameters.yaml: route_place.values.renewal:',
    ],
    [
      'route question that is not a fact',
      'rules/parameters.yaml',
      sub('    place: location\n', '    place: whereabouts\n'),
      "rules/parameters.yaml: route_facts.values.place: 'whereabouts' is not a choice question of rules/facts.yaml",
    ],
    [
      'status the status question does not offer',
      'rules/parameters.yaml',
      sub('- status: temporary_visitor', '- status: tourist'),
      "rules/parameters.yaml: status_routes.values.2.status: 'tourist' is not an answer of 'current_status'",
    ],
    [
      'status limiting a route made abroad',
      'rules/parameters.yaml',
      sub('routes: [change, renewal]', 'routes: [change, coe]'),
      "rules/parameters.yaml: status_routes.values.1.routes.1: 'coe' is not made in Japan (route_place)",
    ],
    [
      'default language that is not listed',
      LANGS_FILE,
      sub('"default": "en"', '"default": "fr"'),
      `${LANGS_FILE}: default: 'fr' is not one of the languages listed`,
    ],
    [
      'language without its date locale',
      LANGS_FILE,
      sub('"dateLocale": "ja-JP",', ''),
      `${LANGS_FILE}: languages.1.dateLocale:`,
    ],
    [
      'language code that is not an ISO 639 code',
      LANGS_FILE,
      sub('"code": "ja"', '"code": "Japanese"'),
      `${LANGS_FILE}: languages.1.code: a two- or three-letter ISO 639 language code`,
    ],
    [
      'deadline without its Japanese text',
      'locales/ja/deadlines.json',
      sub('"title": "在留期間が終わる前の申請",', ''),
      'locales/ja/deadlines.json: period-of-stay-end.title: missing Japanese text',
    ],
  ])('%s', (_name, file, edit, expected) => {
    const problems = problemsAfterEdit(file, edit);
    expect(
      problems.some((p) => p.startsWith(expected)),
      `expected “${expected}” in:\n${problems.join('\n')}`,
    ).toBe(true);
  });

  it('the real rules compile', () => {
    expect(() => compileRules(ROOT, false)).not.toThrow();
  });
});
