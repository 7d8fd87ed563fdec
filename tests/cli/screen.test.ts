// @vitest-environment node
// The command line (scripts/screen.ts), run in-process through its main(argv, io).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Screening } from '../../src/engine';
import { main } from '../../scripts/screen';
import { exampleFile } from '../../scripts/make-examples';
import { ROOT } from '../support/cases';
import { compiled, ruleSet } from '../support/rules';

const AS_OF = '2026-11-23';
const EXAMPLE = exampleFile('notified-3');
const partial = process.env.TEIJU_PARTIAL === '1';
const index = parse(readFileSync(join(ROOT, 'rules', 'index.yaml'), 'utf8')) as { order: string[] };

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'teiju-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const answers = (a: Record<string, unknown>, version: unknown = 1) => JSON.stringify({ version, answers: a });
const text = (lang: 'en' | 'ja', key: string): string => {
  let cur: unknown = compiled.locales[lang];
  for (const k of key.split('.')) cur = (cur as Record<string, unknown>)[k];
  return cur as string;
};

describe('human report', () => {
  it('in English', () => {
    const { code, stdout, stderr } = run(EXAMPLE, '--as-of', AS_OF);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Screened as of 2026-11-23');
    expect(stdout).toContain(`(version ${ruleSet.version.hash})`);
    expect(stdout).toContain(`== Likely eligible`);
    expect(stdout).toContain(`■ ${text('en', 'rules.notified-3.title')}`);
    expect(stdout).toContain(`✓ ${text('en', 'rules.notified-3.conditions.parent-born-to-japanese')}`);
    expect(stdout).toContain('Long-Term Resident Notice (定住者告示, MOJ Notice No. 132 of 1990), item 3');
    expect(stdout).toMatch(/✓ Certificate of Eligibility .* — fits where you are/);
    expect(stdout).toMatch(/✓ Not a person covered by .*「前二号又は第八号に該当する者を除く」/);
    expect(stdout).toContain(text('en', 'engine.disclaimer'));
    expect(stdout).not.toMatch(/rules\.[a-z0-9-]+\.(title|conditions)/); // every text key resolved
  });

  it('in Japanese', () => {
    const { code, stdout } = run(EXAMPLE, '--as-of', AS_OF, '--lang', 'ja');
    expect(code).toBe(0);
    expect(stdout).toContain('2026-11-23 時点の判定');
    expect(stdout).toContain(`■ ${text('ja', 'rules.notified-3.title')}`);
    expect(stdout).toContain('定住者告示(平成2年法務省告示第132号) 第3号');
    expect(stdout).toContain(`✓ ${text('ja', 'rules.notified-3.conditions.parent-born-to-japanese')}`);
    expect(stdout).toContain(text('ja', 'engine.disclaimer'));
  });

  it('lists open questions under a possible category, and near misses with their date', () => {
    const open = run(
      file('open.json', answers({ location: 'abroad', parent_born_to_japanese: 'yes' })),
      '--as-of',
      AS_OF,
    );
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('== Possible — more information needed');
    expect(open.stdout).toContain('Still open (answer these to decide):');
    expect(open.stdout).toContain(`- ${text('en', 'facts.parent_japanese_at_birth.question')}`);

    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { answers: Record<string, unknown> };
    const fined = { ...example.answers, conduct_fine: 'other', conduct_fine_paid_date: '2023-11-23' };
    const later = run(file('fined.json', answers(fined)), '--as-of', AS_OF);
    expect(later.stdout).toContain('== Not yet — would be met later');
    expect(later.stdout).toContain('Would be met from 2028-11-24');
  });

  it('--all also lists the categories that do not match', () => {
    const { stdout } = run(EXAMPLE, '--as-of', AS_OF, '--all');
    expect(stdout).toContain('== Not eligible');
    expect(run(EXAMPLE, '--as-of', AS_OF).stdout).not.toContain('== Not eligible');
  });
});

describe('--json', () => {
  it('prints the screening as is, one result per category', () => {
    const { code, stdout, stderr } = run(EXAMPLE, '--as-of', AS_OF, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Screening;
    expect(Object.keys(out)).toEqual(['rulesVersion', 'asOf', 'results', 'deadlines']);
    expect(out.rulesVersion).toEqual(ruleSet.version);
    expect(out.asOf).toBe(AS_OF);
    const ids = out.results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    if (!partial) {
      expect(ids).toHaveLength(39);
      expect(ids).toEqual(index.order);
    }
    expect(out.results.find((r) => r.id === 'notified-3')).toMatchObject({ verdict: 'eligible', kind: 'notified' });
    for (const r of out.results) expect(['eligible', 'possible', 'not_eligible']).toContain(r.verdict);
  });

  it('--as-of sets the date screened', () => {
    const out = JSON.parse(run(EXAMPLE, '--as-of=2030-01-31', '--json').stdout) as Screening;
    expect(out.asOf).toBe('2030-01-31');
  });
});

describe('bad answers files: exit 2, the field named on stderr, nothing on stdout', () => {
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { answers: Record<string, unknown> };
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"version": 1, "answers": {', /not valid JSON/],
    ['not an object', '[1, 2]', /expected an object/],
    ['unknown fact', answers({ ...example.answers, shoe_size: 42 }), /answers\.shoe_size: unknown question id/],
    ['__proto__ key', '{"version": 1, "answers": {"__proto__": {"location": "abroad"}}}', /answers\.__proto__:/],
    ['wrong version', answers(example.answers, 2), /: version: 2 is not a version this tool reads \(it must be 1\)/],
    ['unknown top-level field', '{"version": 1, "answers": {}, "asOf": "2026-11-23"}', /: asOf: unknown field/],
    ['wrong type', answers({ china_connection: true }), /answers\.china_connection: wrong type: expected yes\|no/],
    ['not an option', answers({ location: 'mars' }), /answers\.location: "mars" is not an answer.*in_japan, abroad/],
    ['bad date', answers({ birth_date: '2023-02-30' }), /answers\.birth_date: "2023-02-30" is not a real date/],
    ['date in the future', answers({ birth_date: '2027-01-01' }), /answers\.birth_date: 2027-01-01 is after/],
    [
      'divorce before marriage',
      answers({ birth_date: '1990-01-01', marriage_date: '2020-05-01', marriage_end_date: '2019-04-01' }),
      /answers\.marriage_end_date: 2019-04-01 is before marriage_date \(2020-05-01\)/,
    ],
  ];
  it.each(cases)('%s', (name, content, message) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, content);
    const { code, stdout, stderr } = run(path, '--as-of', AS_OF);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(path);
    expect(stderr).toMatch(message);
  });

  it('an unreadable file', () => {
    const { code, stdout, stderr } = run(join(dir, 'missing.json'));
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/missing\.json: there is no file at this path\n$/);
  });

  it('messages follow --lang', () => {
    const { code, stderr } = run(file('bad-date-ja.json', answers({ birth_date: '2023-02-30' })), '--lang', 'ja');
    expect(code).toBe(2);
    expect(stderr).toMatch(/answers\.birth_date: "2023-02-30" は YYYY-MM-DD 形式の実在する日付ではありません/);
  });
});

describe('arguments', () => {
  it.each([
    [[]],
    [['--lang', 'fr', EXAMPLE]],
    [['--as-of', '2026-02-30', EXAMPLE]],
    [['--as-of']],
    [['--verbose', EXAMPLE]],
    [[EXAMPLE, EXAMPLE]],
  ])('%j → usage, exit 2', (argv) => {
    const { code, stdout, stderr } = run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: npm run screen --');
  });

  it('--help → usage on stdout, exit 0', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('usage: npm run screen --');
  });
});

describe('deadlines, routes, notes and labels', () => {
  // Divorced 9 months ago, separated then too: the 6 months are over (入管法22条の4第1項7号).
  const late = {
    location: 'in_japan',
    current_status: 'spouse_of_japanese',
    birth_date: '1985-04-10',
    marital_status: 'divorced',
    spouse_status: 'japanese',
    marriage_date: '2018-06-01',
    japan_entry_date: '2015-04-01',
    marriage_end_date: '2026-02-20',
    separation_date: '2026-02-20',
    period_of_stay_expiry: '2027-03-01',
    married_life_in_japan: 'yes',
    dv_victim: 'no',
    livelihood: 'yes',
    japanese_daily_life: 'yes',
    public_duties: 'yes',
    conduct_any: 'no',
  };
  // A baby born in Japan 10 days ago to a Permanent Resident mother, without a status yet.
  const baby = {
    location: 'in_japan',
    current_status: 'none',
    birth_date: '2026-11-13',
    marital_status: 'never_married',
    parent_status: 'permanent_resident',
    biological_child_of_parent: 'yes',
    born_in_japan_continuous: 'yes',
  };

  it('--json carries the deadlines, the capping deadline and the acquisition route', () => {
    const out = JSON.parse(run(file('late.json', answers(late)), '--as-of', AS_OF, '--json').stdout) as Screening;
    expect(out.deadlines.map((d) => [d.id, d.date, d.passed])).toEqual([
      ['spouse-notification-14-days', '2026-03-06', true],
      ['spouse-status-6-months', '2026-08-20', true],
      ['period-of-stay-end', '2027-03-01', false],
    ]);
    expect(out.results.find((r) => r.id === 'unspecified-divorce')).toMatchObject({
      verdict: 'possible',
      discretionary: true,
      deadline: 'spouse-status-6-months',
    });
    const born = JSON.parse(run(file('baby.json', answers(baby)), '--as-of', AS_OF, '--json').stdout) as Screening;
    expect(born.deadlines).toMatchObject([{ id: 'birth-acquisition-30-days', date: '2026-12-13', passed: false }]);
    expect(born.results.find((r) => r.id === 'redirect-spouse-child-of-pr')?.routes).toContainEqual({
      route: 'acquisition',
      fits: 'met',
    });
  });

  it('the text report shows the deadlines, the notes and what the screening cannot check', () => {
    const { stdout } = run(file('late.json', answers(late)), '--as-of', AS_OF);
    expect(stdout).toContain('== Dates to keep ==');
    expect(stdout).toContain(text('en', 'deadlines.spouse-status-6-months.title'));
    expect(stdout).toContain(
      text('en', 'deadlines.spouse-notification-14-days.passed').replace('{{date}}', '2026-03-06'),
    );
    expect(stdout).toContain(text('en', 'ui.results.cannotCheck'));
    expect(stdout).toContain(text('en', 'rules.unspecified-divorce.notes.notify-14-days'));
    expect(stdout).toContain(text('en', 'rules.unspecified-divorce.cannotCheck.discretion'));
    const ja = run(file('late.json', answers(late)), '--as-of', AS_OF, '--lang', 'ja').stdout;
    expect(ja).toContain(text('ja', 'deadlines.spouse-status-6-months.title'));
  });

  it('a 告示外 category is never "Likely eligible" in the text report', () => {
    const { stdout } = run(
      file('late.json', answers({ ...late, marriage_end_date: '2026-10-01', separation_date: '2026-10-01' })),
      '--as-of',
      AS_OF,
    );
    const block = stdout.slice(stdout.indexOf(`■ ${text('en', 'rules.unspecified-divorce.title')}`));
    expect(block.split('\n')[1]).toContain(text('en', 'engine.verdict.discretionary'));
    expect(block.split('\n')[1]).not.toContain(text('en', 'engine.verdict.eligible'));
  });

  it('a route without a status says regularisation needs an expert', () => {
    const { stdout } = run(file('late.json', answers({ ...late, current_status: 'none' })), '--as-of', AS_OF, '--all');
    expect(stdout).toContain(text('en', 'engine.routeNote.regularisation'));
  });
});
