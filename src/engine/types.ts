// The compiled rule set: what `rules/*.yaml` becomes after validation (see src/rules-compiler).
// Pure data, JSON-serialisable, read by the engine in the browser and in Node.

export type Truth = 'met' | 'not_met' | 'unknown';
export type Verdict = 'eligible' | 'possible' | 'not_eligible';
export type Confidence = 'confirmed' | 'single-source' | 'disputed' | 'uncertain';
export type RuleKind = 'notified' | 'unspecified' | 'redirect';
export type Route = 'coe' | 'change' | 'acquisition' | 'renewal' | 'selection' | 'landing';
export type Period = '5y' | '3y' | '1y' | '6m' | 'individual';

/** Where a rule or a condition comes from: an instrument, its item / sub-item, and its source keys (rules/sources.yaml). */
export interface Citation {
  law: string; // key of rules/laws.yaml (e.g. kokuji-132, guidance-12, circular-730)
  item?: number;
  sub?: string; // イ ロ ハ ニ ホ as i, ro, ha, ni, ho
  clause?: string; // finer point, e.g. "(2)" of 8号ニ
  refs: string[]; // source keys of rules/sources.yaml
}

/** multi: "select all that apply", answered as the chosen options joined by commas, or "none". */
export type FactType = 'yesno' | 'date' | 'choice' | 'multi';
export type FactGroup = 'you' | 'family' | 'residence' | 'marriage' | 'conduct' | 'livelihood';

/** The family-line gate (any Japanese ancestor), or a statement about one person of the line. */
export type LineageRole =
  | 'gate'
  | {
      person: 'you' | 'parent' | 'grandparent' | 'great-grandparent';
      says: 'born' | 'national-at-child-birth' | 'registered';
    };

export interface Fact {
  id: string;
  type: FactType;
  group: FactGroup;
  options?: string[]; // choice and multi only
  dontKnow: boolean; // whether "I don't know" may be answered
  sensitive?: 'dv' | 'refugee' | 'criminal';
  /** Dates: must not be after the as-of date. */
  notFuture?: boolean;
  /** Dates: must be on or after these other date facts (e.g. divorce after marriage). */
  after?: string[];
  /**
   * What the question presupposes (e.g. spouse questions a marriage). When earlier answers deny
   * it, the question is not asked and any stored answer is ignored: the rules read `else` instead
   * (or nothing). See src/engine/premises.ts.
   */
  premise?: Premise;
  /** What the browser may fill in (HTML autocomplete): `bday`, the person's own birth date. */
  autocomplete?: 'bday';
  /** What the question tells about the family line (the drawing with the results, src/present/lineage.ts). */
  lineage?: LineageRole;
  readBy: string[]; // filled in by the compiler
  /** Categories a deadline reading this fact can cap (rules/deadlines.yaml); filled in by the compiler. */
  caps?: string[];
  order: number; // stable question order
}

/** A condition on earlier answers: a fact's answer among values, an age from a date, or a combination. */
export type PremiseCond = (
  | { fact: string; in: string[] } // a multi fact: any of these chosen
  | { age: string; under?: number; atLeast?: number } // age on the as-of date from a date fact
  | { any: PremiseCond[] }
  | { all: PremiseCond[] }
) & {
  /** What the question counts as when this condition is what denies the premise (the innermost wins). */
  else?: string;
};
/**
 * A premise, with the value the fact counts as when it is denied (`else`; none: no value), and when
 * it is met if the premise's answer already says it (`then`: not asked either).
 */
export type Premise = PremiseCond & { then?: string };

interface NodeBase {
  /** Index in the rule's node table; used for traces and overrides. */
  n: number;
  /** A node with an id is a line of the trace, with text `<scope>.conditions.<id>`. */
  id?: string;
  cite?: Citation;
  confidence?: Confidence;
  /** Raise "needs expert confirmation" when this node decides the verdict. */
  askExpert?: boolean;
  /**
   * A point the sources leave open once this node is not met (e.g. which status an adoptee aged 6
   * or over can hold): when it is not met and meeting it would change the verdict, an expert
   * reason with this text key (a note of the rule, `rules.<id>.notes.<key>`). Only where the
   * answers establish `when` and do not establish `unless` (premise conditions).
   */
  expertIfNotMet?: { key: string; when?: PremiseCond; unless?: PremiseCond };
}

export type CondNode =
  | (NodeBase & { op: 'all' | 'any'; of: CondNode[] })
  | (NodeBase & { op: 'not'; of: CondNode })
  | (NodeBase & { op: 'in'; fact: string; values: (string | number)[]; unclear?: string[]; expertWhen?: string[] })
  | (NodeBase & {
      op: 'age';
      fact: string;
      under?: number;
      atLeast?: number;
      minor?: boolean;
      at?: string;
      /**
       * An age limit (under / minor) met today but reached within this ISO period after the as-of
       * date needs an expert when it decides: whether the age counts at the application, the
       * decision or the landing is not settled, and a Certificate of Eligibility takes months.
       */
      expertWithin?: string;
    })
  | (NodeBase & { op: 'since'; fact: string; passed: string })
  // from / to: one date fact, or a list: from the latest of the first to the earliest of the second
  | (NodeBase & { op: 'between'; from: string | string[]; to: string | string[]; atLeast: string; tolerance?: string })
  | (NodeBase & { op: 'date'; fact: string; before?: string; onOrAfter?: string }) // fact may be $asOf
  | (NodeBase & { op: 'rule'; rule: string })
  | (NodeBase & { op: 'use'; use: string; of: CondNode }) // a shared condition, inlined
  | (NodeBase & { op: 'exclusion'; of: CondNode; excludes: string[]; wording?: string }); // 「…に該当する者を除く」

export interface DocumentRef {
  doc: string; // document id, shared across rules (texts: rules.<rule id>.documents.<doc>)
  proves: string[]; // condition ids
}

export interface Rule {
  id: string;
  kind: RuleKind;
  /** Rests on the family line without reading its questions: drawn with the line when likely eligible. */
  lineage?: 'follow-on';
  order: number; // evaluation order; references only point to lower-order rules
  source: Citation;
  confidence: Confidence;
  inForce: { from: string; to?: string };
  deleted?: boolean;
  discretionary: boolean;
  periods: Period[];
  typicalPeriod?: Period;
  routes: Route[];
  /**
   * Routes the sources do not confirm for this category (e.g. a change of status to 8号 inside
   * Japan): the route fits at best "unknown" and, when it is the way the person would apply, raises
   * an expert reason whose text is the note `rules.<id>.notes.<note>` (here as the full key).
   */
  routeDoubts?: Partial<Record<Route, { confidence: 'uncertain' | 'disputed'; note: string; refs: string[] }>>;
  redirectTo?: string; // status key, redirects only
  documents: DocumentRef[];
  notes: string[]; // keys of extra notes under rules.<id>.notes
  cannotCheck: string[]; // keys under rules.<id>.cannotCheck: what the screener cannot verify
  condition: CondNode;
  nodeCount: number;
  /** Text scope of every node id: `rules.<rule id>` or `shared.<shared id>`. */
  scopes: Record<number, string>;
}

/**
 * A deadline as declared in rules/deadlines.yaml, compiled: the window counts from the earliest
 * answered date of `from`, lasts `period`, and applies only when `when` is met.
 */
export interface DeadlineRule {
  id: string;
  kind: 'apply' | 'notify';
  /** Date facts; the window counts from the earliest one answered. */
  from: string[];
  /** ISO 8601 period added to that date (the first day is not counted, 民法140条). */
  period: string;
  cite: Citation;
  inForce: { from: string; to?: string };
  /** Who the deadline applies to: computed only when this condition is met. */
  when?: CondNode;
  /** A reason the law accepts for missing the window (e.g. 22条の4 「正当な理由」): shown, caps nothing. */
  excusedWhen?: CondNode;
  /** Category ids it caps once passed (kind apply), expanded from `governs` by the compiler. */
  rules: string[];
}

/** Values the law sets (rules/parameters.yaml), read by the engine rather than written in it. */
export interface Parameters {
  /** 成年 in years, each value in force from its date (oldest first). */
  ageOfMajority: { from: string; value: number }[];
  /** Where the person must be for each application route. */
  routePlace: Record<Route, 'abroad' | 'in_japan'>;
  /** The questions the routes read: where the person is (answered with a place of routePlace), and the status held in Japan. */
  routeFacts: { place: string; status: string };
  /** What the status held in Japan does to the routes made there; the first entry naming a route decides. */
  statusRoutes: StatusRoute[];
}

/**
 * `only`: the routes are for this status alone (any other status: not met); not_met / unknown:
 * with this status they fit at best so, with the caution `note`; `expert`: the sources leave the
 * point open, an expert reason when it is the way the person would apply.
 */
export interface StatusRoute {
  status: string;
  routes: Route[];
  effect: 'only' | 'not_met' | 'unknown';
  note?: RouteNote;
  expert?: 'uncertain' | 'disputed';
}

/**
 * The lookups the engine needs, built with the rules (src/engine/build-index.ts, called by the
 * compiler) rather than cached while it runs. Plain data: fact and rule ids, node numbers, and
 * positions in `facts` and `rules`.
 */
export interface RuleIndex {
  /** Fact id → positions in `rules` (evaluation order) of the rules whose verdict its answer may change. */
  affects: Record<string, number[]>;
  /** Positions in `facts` of the questions with a premise, in catalogue order. */
  premised: number[];
  /** The questions some premise names. */
  premiseNamed: string[];
  /** The date questions a premise reads as an age. */
  ageFacts: string[];
  /** The date questions an application window (deadline of kind apply) counts from. */
  windowFacts: string[];
  /** Rule id → condition line (node number of a node with an id) → the facts it reads, sorted. */
  lineFacts: Record<string, Record<number, string[]>>;
  /** Date fact id → rule id → the leaves (node numbers) that read it (nextQuestions forces each met and not met). */
  leaves: Record<string, Record<string, number[]>>;
  /** The family-line questions (rules/facts.yaml `lineage:`), read by src/present/lineage.ts. */
  lineage: {
    /** Any Japanese ancestor: with "no", the line's questions count as "no" and are not asked. */
    gate: string;
    /** Each person's link to the next younger one (1 parent … 3 great-grandparent). */
    link: Partial<Record<number, string>>;
    /** A registered domicile (本籍) in Japan (2 grandparent, 3 great-grandparent). */
    registered: Partial<Record<number, string>>;
    /** The applicant's date of birth. */
    born?: string;
    /** The questions about the line itself (the gate, the links and the registrations), in question order. */
    all: string[];
    /** Categories that rest on the line without reading its questions (rules `lineage: follow-on`). */
    followOns: string[];
  };
  /**
   * The questions asked when nothing is answered, for each period from a date the rules name
   * (src/engine/opening.ts); the compiler adds it after the rest of the index. Without it (rule
   * sets written by hand in tests), nextQuestions works them out.
   */
  opening?: { from: string; next: string[] }[];
}

export interface RuleSet {
  version: { checked: string; hash: string };
  facts: Fact[];
  rules: Rule[];
  deadlines: DeadlineRule[];
  parameters: Parameters;
  index: RuleIndex;
}

export type AnswerValue = string | number;
export type Answers = Partial<Record<string, AnswerValue>>;

export interface TraceLine {
  n: number;
  id: string;
  key: string; // text key
  truth: Truth;
  cite: Citation;
  confidence?: Confidence;
  /** Date from which a currently unmet time condition would be met. */
  metFrom?: string;
  /** Facts the line reads (directly or below it). */
  facts: string[];
  children: TraceLine[];
  /** The line is met when any one of its children is (a rule's `any:`): shown as "at least one of these". */
  any?: true;
  /** Excluded rule ids and the instrument's wording (exclusion lines only). */
  excludes?: string[];
  wording?: string;
}

export interface ExpertReason {
  key: string;
  /** timing: an age limit reached soon after the as-of date (on `date`), when the age is judged is not settled. */
  why: 'uncertain' | 'disputed' | 'unclear' | 'borderline' | 'ask' | 'deadline' | 'timing';
  /** timing: the day the age limit is reached (ISO date). */
  date?: string;
}

/**
 * A date by which something must be done, computed by the engine from the person's own dates and
 * the as-of date (for example 6 months after married life ended, 30 days after a birth in Japan).
 * Texts: `deadlines.<id>` in locales/<lang>/.
 */
export interface Deadline {
  id: string;
  /** apply: an application window; once passed, the categories it governs are at best "possible".
   *  notify: a duty to report (e.g. a divorce within 14 days); shown with its date, caps nothing. */
  kind: 'apply' | 'notify';
  /** The last day (ISO date). */
  date: string;
  /** True when the as-of date is after `date`. */
  passed: boolean;
  /** The fact whose date the window counts from. */
  from: string;
  cite: Citation;
  /** Category ids whose application this window governs (kind apply). */
  rules: string[];
  /** The answers give a reason the law accepts for missing this window (e.g. DV): it caps nothing. */
  excused?: boolean;
}

/**
 * Why a route that fits by place still needs a caution: no status, a temporary visitor, or a
 * Technical Intern (技能実習), whose change of status to 定住者 no source confirms.
 */
export type RouteNote = 'regularisation' | 'visitor-exceptional' | 'technical-intern';

export interface CategoryResult {
  id: string;
  kind: RuleKind;
  verdict: Verdict;
  discretionary: boolean;
  needsExpert: boolean;
  /** Why expert confirmation is needed: the line's text key and the kind of doubt. */
  expertReasons: ExpertReason[];
  nearMiss?: { date: string; verdict: Verdict };
  source: Citation;
  periods: Period[];
  typicalPeriod?: Period;
  /**
   * How to apply, and whether each way fits where the person is. `note`: a caution from the status
   * held; `doubt`: the text key of the rule's own doubt about this route (Rule.routeDoubts).
   */
  routes: { route: Route; fits: Truth; note?: RouteNote; doubt?: string }[];
  /** Id of a passed `apply` deadline (Screening.deadlines) that caps this category at "possible". */
  deadline?: string;
  redirectTo?: string;
  trace: TraceLine[];
}

export interface Screening {
  rulesVersion: RuleSet['version'];
  asOf: string;
  results: CategoryResult[];
  /** Every deadline the answers give a date for, soonest first. */
  deadlines: Deadline[];
}
