// `npm run screen -- answers.json [--lang <code>] [--as-of YYYY-MM-DD] [--json] [--all]`:
// screens an answers file (docs/answers-format.md) from the command line with the same rules and
// engine as the web app. Exit 0 = screened; 2 = bad arguments or a bad answers file (message on
// stderr naming the field, nothing on stdout); 1 = the rule files themselves are invalid.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInstance } from 'i18next';
import { isValidDate, nextQuestions, parseAnswers, screen, today } from '../src/engine';
import type { Answers, CategoryResult, Rule, RuleSet, Screening, TraceLine } from '../src/engine';
import {
  aside,
  colon,
  DEFAULT_LANG,
  deadlineTexts,
  expertReasonText,
  formatCitation,
  headline,
  isLang,
  LANGS,
  linkHref,
  lineText,
  openQuestionsByCategory,
  periodsText,
  phraseList,
  routeTexts,
  sameCitation,
  sentences,
  TRUTH_MARK,
  verdictLabelKey,
  summaryKey,
  type Translate,
} from '../src/present';
import { groupOrder, groupResults, type ResultGroup } from '../src/present/groups';
import type { LinkSet } from '../src/present/links';
import { compileRules, RulesInvalid, type Compiled } from '../src/rules-compiler/compile';
import { readAnswersInput } from './cli/input';
import { errorLines, guardOutput, inputErrorLine } from './cli/output';

const ROOT = join(import.meta.dirname, '..');
/** A language code of locales/languages.json. */
type Lang = string;
const CODES = LANGS.join('|');

const USAGE = `usage: npm run screen -- <answers.json> [--lang ${CODES}] [--as-of YYYY-MM-DD] [--json] [--all]

  <answers.json>      an answers file, or - for standard input:
                      {"version": 1, "answers": {"<question id>": <answer>}}
                      (docs/answers-format.md, schema/answers.schema.json)
  --lang ${CODES.padEnd(12)} language of the report (default ${DEFAULT_LANG})
  --as-of YYYY-MM-DD  screen as of this date (default today)
  --json              print the engine's result as JSON instead of a report, with
                      "next": the questions still worth asking, in the wizard's order
  --all               also list the categories that do not match

exit codes: 0 screened, 2 bad arguments or answers file, 1 invalid rule files
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

interface Options {
  file: string;
  lang: Lang;
  asOf: string;
  json: boolean;
  all: boolean;
}

type Args = Options | { help: true } | { error: string };

/** Parses the arguments; `error` is the problem to print above the usage. */
export function parseArgs(argv: string[]): Args {
  const opts: Partial<Options> = { lang: DEFAULT_LANG, json: false, all: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true };
      case '--json':
        opts.json = true;
        break;
      case '--all':
        opts.all = true;
        break;
      case '--lang': {
        const v = value();
        if (!isLang(v)) return { error: `--lang must be one of ${LANGS.join(', ')}, not ${v ?? '(nothing)'}` };
        opts.lang = v;
        break;
      }
      case '--as-of': {
        const v = value();
        if (v === undefined || !isValidDate(v))
          return { error: `--as-of must be a real date written YYYY-MM-DD, not ${v ?? '(nothing)'}` };
        opts.asOf = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
        if (opts.file !== undefined) return { error: `only one answers file, got ${opts.file} and ${arg}` };
        opts.file = arg;
    }
  }
  if (opts.file === undefined) return { error: 'no answers file given' };
  return { ...opts, asOf: opts.asOf ?? today() } as Options;
}

let compiled: Compiled | undefined;
/** The rule set and texts, compiled from rules/ and locales/ once per process. */
export function loadRules(): Compiled {
  return (compiled ??= compileRules(ROOT));
}

export function translator(locales: Compiled['locales'], lang: Lang): Translate {
  const i18n = createInstance();
  void i18n.init({
    resources: {
      // The command line's own texts are the locales' `cli` section (locales/<lang>/cli.json).
      ...Object.fromEntries(Object.entries(locales).map(([code, bundle]) => [code, { translation: bundle }])),
    },
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, values) => i18n.t(key, values ?? {});
}

function traceLines(lines: TraceLine[], parentCite: CategoryResult['source'], depth: number, t: Translate, lang: Lang) {
  const out: string[] = [];
  for (const line of lines) {
    if (line.any) {
      out.push(...traceLine(line, parentCite, depth, t, lang));
      out.push(`${'  '.repeat(depth + 1)}${t('cli.anyOf')}`);
      out.push(...traceLines(line.children, line.cite, depth + 2, t, lang));
      continue;
    }
    out.push(...traceLine(line, parentCite, depth, t, lang));
    out.push(...traceLines(line.children, line.cite, depth + 1, t, lang));
  }
  return out;
}

function traceLine(line: TraceLine, parentCite: CategoryResult['source'], depth: number, t: Translate, lang: Lang) {
  const out: string[] = [];
  {
    const cite = sameCitation(line.cite, parentCite) ? '' : ` [${formatCitation(line.cite, t)}]`;
    const confidence =
      line.confidence && line.confidence !== 'confirmed' ? aside(t(`engine.confidence.${line.confidence}`), lang) : '';
    const later = line.metFrom ? aside(t('engine.nearMiss', { date: line.metFrom }), lang) : '';
    out.push(`${'  '.repeat(depth)}${TRUTH_MARK[line.truth]} ${lineText(line, t, lang)}${cite}${confidence}${later}`);
  }
  return out;
}

function category(
  r: CategoryResult,
  rule: Rule | undefined,
  open: string[] | undefined,
  t: Translate,
  lang: Lang,
): string {
  const out: string[] = [`■ ${t(`rules.${r.id}.title`)}`];
  const verdict = [t(verdictLabelKey(r)), t(`engine.kind.${r.kind}`)];
  out.push(`  ${verdict.join(' · ')}`);
  if (r.nearMiss)
    out.push(
      `  ${t('engine.nearMiss', { date: r.nearMiss.date })}${aside(t('cli.nearMissVerdict', { verdict: t(verdictLabelKey({ verdict: r.nearMiss.verdict, discretionary: r.discretionary })) }), lang)}`,
    );
  if (r.redirectTo) out.push(`  ${t('cli.redirectTo', { status: t(`engine.status.${r.redirectTo}`) })}`);
  out.push(`  ${t(summaryKey(r))}`);
  if (r.discretionary) out.push(`  ⚖ ${t('engine.discretionary')}`);
  if (r.needsExpert) {
    out.push(`  ⚠ ${t('engine.expert.title')}`);
    for (const reason of r.expertReasons) out.push(`    - ${expertReasonText(reason, r, t, lang)}`);
  }
  out.push(`  § ${formatCitation(r.source, t, { sources: true, lang })}`);
  out.push(...traceLines(r.trace, r.source, 1, t, lang));
  if (open?.length) {
    out.push(`  ${t('cli.open')}`);
    for (const fact of open) {
      const question = t(`facts.${fact}.question`);
      out.push(`    - ${question === `facts.${fact}.question` ? fact : `${question} (${fact})`}`);
    }
  }
  const periods = periodsText(r, t, lang);
  if (periods) out.push(`  ${t('engine.periodsLabel')}: ${periods}`);
  if (r.typicalPeriod) out.push(`  ${t('engine.typicalPeriod', { period: t(`engine.period.${r.typicalPeriod}`) })}`);
  if (r.routes.length) {
    out.push(`  ${t('cli.routes')}`);
    for (const route of routeTexts(r, t, lang)) {
      out.push(`    ${route.mark} ${route.text}`);
      if (route.note) out.push(`      ⚠ ${route.note}`);
    }
  }
  if (r.verdict !== 'not_eligible' || r.nearMiss) {
    out.push(`  ${t('cli.next')} ${t(`rules.${r.id}.next`)}`);
    // The notes and what the screening cannot check, as the web results show them.
    for (const kind of ['notes', 'cannotCheck'] as const) {
      const keys = rule?.[kind] ?? [];
      if (!keys.length) continue;
      out.push(`  ${t(`ui.results.${kind}`)}`);
      for (const k of keys) out.push(`    - ${t(`rules.${r.id}.${kind}.${k}`)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The section of the report for each result group (the web app's groups, src/present/groups.ts). */
const SECTION: Record<ResultGroup, string> = {
  eligible: 'eligible',
  possible: 'possible',
  caseByCase: 'caseByCase',
  later: 'nearMiss',
  redirect: 'redirect',
  notEligible: 'notEligible',
};

/**
 * The human-readable report: the headline (the same sentences as the web app's), then the
 * categories by group in the web app's order (and with `all`, the ones that do not fit).
 */
export function report(
  set: RuleSet,
  result: Screening,
  answers: Answers,
  t: Translate,
  lang: Lang,
  all = false,
  links: LinkSet = loadRules().links,
): string {
  const open = openQuestionsByCategory(set, result, answers);
  const { grouped, matched } = groupResults(set, result.results);
  const order: ResultGroup[] = [...groupOrder(grouped), ...(all ? (['notEligible'] as const) : [])];

  const out: string[] = [
    t('cli.title'),
    t('engine.asOf', { date: result.asOf }),
    t('engine.rulesVersion', { checked: result.rulesVersion.checked, hash: result.rulesVersion.hash }),
    '',
  ];
  const h = headline(set, result, answers, links, t, lang);
  out.push(t('cli.headline'));
  for (const item of h.items) {
    out.push(`→ ${sentences(item.sentences, lang)}`);
    if (item.action) {
      const tel = item.action.tel ? ` ☎ ${item.action.tel}` : '';
      out.push(`  ${colon(`${t(`links.${item.action.id}`)}${tel}`, lang)}${linkHref(item.action, lang)}`);
    }
  }
  for (const n of h.notices) out.push(`→ ${n}`);
  if (h.more) out.push(t('ui.headline.more', { count: h.more }));
  out.push('');
  if (result.deadlines.length) {
    out.push(`== ${t('cli.deadlines')} ==`, '');
    for (const d of deadlineTexts(result, t, lang, (iso) => iso)) {
      out.push(`◆ ${d.title}${d.passed ? aside(t('cli.passed'), lang) : ''}`, `  ${d.text}`);
      if (d.excused) out.push(`  ${d.excused}`);
      if (d.governs.length) out.push(`  ${t('cli.governs', { list: phraseList(d.governs, lang) })}`);
      out.push(`  § ${d.cite}`, '');
    }
  }
  if (!matched) out.push(t('cli.nothing'), '');
  const rules = new Map(set.rules.map((r) => [r.id, r]));
  for (const g of order) {
    const list = grouped.get(g) ?? [];
    if (!list.length) continue;
    out.push(`== ${t(`cli.section.${SECTION[g]}`)} (${list.length}) ==`, '');
    for (const r of list) out.push(category(r, rules.get(r.id), open.get(r.id), t, lang));
  }
  out.push(t('engine.disclaimer'));
  return out.join('\n') + '\n';
}

/** The command line; returns the exit code. */
export function main(argv: string[], io: Io = processIo): number {
  const opts = parseArgs(argv);
  if ('help' in opts) {
    io.out(USAGE);
    return 0;
  }
  if ('error' in opts) {
    io.err(`${opts.error}\n\n${USAGE}`);
    return 2;
  }
  let rules: Compiled;
  try {
    rules = loadRules();
  } catch (e) {
    if (!(e instanceof RulesInvalid)) throw e;
    io.err(`${e.message}\n`);
    return 1;
  }
  const { ruleSet, locales } = rules;
  const t = translator(locales, opts.lang);

  const input = readAnswersInput(opts.file);
  if (!input.ok) {
    io.err(inputErrorLine(opts.file, input.error, t));
    return 2;
  }
  const parsed = parseAnswers(ruleSet, input.text, opts.asOf);
  if (!parsed.ok) {
    io.err(errorLines(opts.file, parsed.errors, ruleSet, opts.asOf, t, input.text));
    return 2;
  }
  // As the web app: a file without any answer is refused (most likely the wrong file).
  if (!Object.keys(parsed.answers).length) {
    io.err(inputErrorLine(opts.file, { code: 'noAnswers' }, t));
    return 2;
  }
  const result = screen(ruleSet, parsed.answers, opts.asOf);
  io.out(
    opts.json
      ? // next: the questions still worth asking, in the wizard's order (the first is what it asks now).
        JSON.stringify({ ...result, next: nextQuestions(ruleSet, parsed.answers, opts.asOf) }, null, 2) + '\n'
      : report(ruleSet, result, parsed.answers, t, opts.lang, opts.all),
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  guardOutput();
  process.exitCode = main(process.argv.slice(2));
}
