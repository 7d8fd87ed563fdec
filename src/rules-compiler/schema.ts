// The rule-file format, as zod schemas. Build-time only (Node): the browser gets compiled JSON.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const duration = z.string().regex(/^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?$/, 'an ISO 8601 period such as P3Y or P6M');
const id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'lower-case letters, digits, - or _');
export const confidence = z.enum(['confirmed', 'single-source', 'disputed', 'uncertain']);

export const citation = z.strictObject({
  law: z.string().describe('key of rules/laws.yaml'),
  item: z.number().int().positive().optional(),
  sub: z.enum(['i', 'ro', 'ha', 'ni', 'ho']).optional().describe('イ ロ ハ ニ ホ'),
  clause: z.string().optional(),
  refs: z.array(z.string().regex(/^S\d+$/, 'a source key of rules/sources.yaml such as S55')).min(1),
});

const dates = z.union([z.string(), z.array(z.string()).min(2)]);

// Fields any condition may carry.
const common = {
  id: id.optional().describe('makes this condition a line of the trace, with its own text'),
  cite: citation.optional(),
  confidence: confidence.optional(),
  askExpert: z.boolean().optional(),
  expertIfNotMet: z
    .union([
      id,
      z.strictObject({
        note: id,
        when: z
          .lazy(() => premiseCond)
          .optional()
          .describe('answers (as in a premise) that must establish the situation the point is about'),
        unless: z
          .lazy(() => premiseCond)
          .optional()
          .describe('answers (as in a premise) for which the point does not arise, e.g. a renewal'),
      }),
    ])
    .optional()
    .describe(
      'a note of the rule (notes:) on what the sources leave open once this is not met: an expert reason when it decides',
    ),
};

export type CondInput =
  | { all: CondInput[] }
  | { any: CondInput[] }
  | { not: CondInput }
  | { fact: string; is?: string | number; in?: (string | number)[]; unclear?: string[]; expertWhen?: string[] }
  | { age: string; under?: number; atLeast?: number; minor?: boolean; at?: string; expertWithin?: string }
  | { since: string; passed: string }
  | { between: [string | string[], string | string[]]; atLeast: string; tolerance?: string }
  | { date: string; before?: string; onOrAfter?: string }
  | { rule: string }
  | { use: string };

export const condition: z.ZodType<CondInput> = z.lazy(() =>
  z.union([
    z.strictObject({ ...common, all: z.array(condition).min(1) }),
    z.strictObject({ ...common, any: z.array(condition).min(1) }),
    z.strictObject({ ...common, not: condition }),
    z
      .strictObject({
        ...common,
        fact: z.string(),
        is: z.union([z.string(), z.number()]).optional(),
        in: z
          .array(z.union([z.string(), z.number()]))
          .min(1)
          .optional(),
        unclear: z.array(z.string()).optional().describe('answers that leave this unknown and need an expert'),
        expertWhen: z.array(z.string()).optional().describe('answers whose reading needs expert confirmation'),
      })
      .refine((c) => (c.is === undefined) !== (c.in === undefined), 'give exactly one of `is` or `in`'),
    z
      .strictObject({
        ...common,
        age: z.string(),
        under: z.number().int().positive().optional(),
        atLeast: z.number().int().nonnegative().optional(),
        minor: z.literal(true).optional().describe('under the age of majority on the date (20, or 18 from 2022-04-01)'),
        at: z.string().optional().describe('a date fact; default: the as-of date'),
        expertWithin: duration
          .optional()
          .describe(
            'an age limit (under, minor) reached within this period after the as-of date needs an expert when it decides (when the age is judged is not settled)',
          ),
      })
      .refine(
        (c) => [c.under, c.atLeast, c.minor].filter((x) => x !== undefined).length === 1,
        'give exactly one of `under`, `atLeast` or `minor`',
      )
      .refine(
        (c) => c.expertWithin === undefined || (c.atLeast === undefined && c.at === undefined),
        '`expertWithin` goes with `under` or `minor` on the as-of date (no `atLeast`, no `at`)',
      ),
    z.strictObject({ ...common, since: z.string(), passed: duration }),
    z.strictObject({
      ...common,
      between: z
        .tuple([dates, dates])
        .describe(
          '[from, to]: a date fact (to: or $asOf), or a list: from the latest of the first to the earliest of the second',
        ),
      atLeast: duration,
      tolerance: duration.optional().describe('shortfall within which the answer is "about" and needs an expert'),
    }),
    z
      .strictObject({
        ...common,
        date: z
          .string()
          .describe('a date fact, or $asOf (the screening date, e.g. for an amendment in force from a day)'),
        before: isoDate.optional(),
        onOrAfter: isoDate.optional(),
      })
      .refine((c) => c.before !== undefined || c.onOrAfter !== undefined, 'give `before` or `onOrAfter`'),
    z.strictObject({ ...common, rule: z.string().describe('another category id: true when that one is eligible') }),
    z.strictObject({ ...common, use: z.string().describe('a shared condition in rules/shared/') }),
  ]),
);

const ROUTES = ['coe', 'change', 'acquisition', 'renewal', 'selection', 'landing'] as const;
const route = z.enum(ROUTES);
/** A route, or a route the sources leave open for this category, with the note that says so. */
const ruleRoute = z.union([
  route,
  z.strictObject({
    route,
    confidence: z.enum(['uncertain', 'disputed']).describe('❓ not confirmed by any source, or ⚠️ sources disagree'),
    note: id.describe('a note of the rule (notes:) saying what is open; shown on the route and as the expert reason'),
    refs: z
      .array(z.string().regex(/^S\d+$/, 'a source key of rules/sources.yaml such as S43'))
      .min(1)
      .describe('the sources the doubt rests on'),
  }),
]);
const period = z.enum(['5y', '3y', '1y', '6m', 'individual']);

export const ruleFile = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['notified', 'unspecified', 'redirect']),
    source: citation,
    confidence,
    inForce: z.strictObject({ from: isoDate, to: isoDate.optional() }),
    deleted: z.literal(true).optional(),
    discretionary: z.boolean(),
    lineage: z
      .literal('follow-on')
      .optional()
      .describe('rests on the family line without reading its questions (shown with the line when likely eligible)'),
    periods: z.union([z.literal('notified'), z.literal('individual'), z.literal('none'), z.array(period)]),
    typicalPeriod: period.optional(),
    routes: z.array(ruleRoute),
    redirectTo: z.string().optional().describe('status key (redirects)'),
    excludes: z
      .strictObject({
        rules: z.array(z.string()).min(1),
        cite: citation.optional(),
        wording: z.string().optional().describe('the exclusion as the instrument words it'),
      })
      .optional(),
    conditions: condition.optional(),
    documents: z.array(z.strictObject({ doc: id, proves: z.array(z.string()).min(1) })).default([]),
    notes: z.array(id).default([]),
    cannotCheck: z.array(id).default([]),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'unspecified' && !r.discretionary)
      ctx.addIssue({ code: 'custom', path: ['discretionary'], message: 'every 告示外 type is discretionary' });
    if (r.kind === 'redirect' && !r.redirectTo)
      ctx.addIssue({ code: 'custom', path: ['redirectTo'], message: 'a redirect names the status to look at' });
    if (!r.deleted && !r.conditions)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'required unless the item is deleted' });
  });
export type RuleFile = z.infer<typeof ruleFile>;

export const sharedFile = z.strictObject({
  id,
  source: citation,
  condition,
});

// A premise: what a question presupposes of earlier answers (src/engine/premises.ts).
const premiseFact = { fact: z.string(), in: z.array(z.string()).min(1).describe('the answers that keep the question') };
const premiseAge = {
  age: z.string().describe('a date fact: the age on the as-of date'),
  under: z.number().int().positive().optional(),
  atLeast: z.number().int().positive().optional(),
};
export type PremiseInput = (
  | { fact: string; in: string[] }
  | { age: string; under?: number; atLeast?: number }
  | { any: PremiseInput[] }
  | { all: PremiseInput[] }
) & { else?: string };
const elseValue = {
  else: z
    .string()
    .optional()
    .describe('what the rules read when this denies the premise (the innermost wins); none: no answer'),
};
const premiseCond: z.ZodType<PremiseInput> = z.lazy(() =>
  z.union([
    z.strictObject({ ...premiseFact, ...elseValue }),
    z.strictObject({ ...premiseAge, ...elseValue }),
    z.strictObject({ any: z.array(premiseCond).min(2), ...elseValue }),
    z.strictObject({ all: z.array(premiseCond).min(2), ...elseValue }),
  ]),
);
const otherwise = {
  ...elseValue,
  then: z.string().optional().describe('what the rules read when the premise is met, the question then not asked'),
};
const premise = z
  .union([
    z.strictObject({ ...premiseFact, ...otherwise }),
    z.strictObject({ ...premiseAge, ...otherwise }),
    z.strictObject({ any: z.array(premiseCond).min(2), ...otherwise }),
    z.strictObject({ all: z.array(premiseCond).min(2), ...otherwise }),
  ])
  .describe(
    'what the question presupposes of earlier answers: when they deny it, it is not asked and its answer is ignored',
  );

export const factFile = z.array(
  z
    .strictObject({
      id,
      type: z.enum(['yesno', 'date', 'choice', 'multi']),
      group: z.enum(['you', 'family', 'residence', 'marriage', 'conduct', 'livelihood']),
      options: z.array(id).min(2).optional(),
      dontKnow: z.boolean(),
      sensitive: z.enum(['dv', 'refugee', 'criminal']).optional(),
      notFuture: z.boolean().optional(),
      after: z.array(z.string()).optional(),
      premise: premise.optional(),
      autocomplete: z
        .enum(['bday'])
        .optional()
        .describe("what the browser may fill in (HTML autocomplete): bday, the person's own birth date"),
      lineage: z
        .union([
          z.literal('gate'),
          z.strictObject({
            person: z.enum(['you', 'parent', 'grandparent', 'great-grandparent']),
            says: z.enum(['born', 'national-at-child-birth', 'registered']),
          }),
        ])
        .optional()
        .describe(
          'what the question tells about the family line drawn with the results: the gate (any Japanese ancestor), or a statement about one person',
        ),
    })
    .refine((f) => (f.type === 'choice' || f.type === 'multi') === (f.options !== undefined), {
      message: 'choice and multi facts need `options`, other types must not have them',
      path: ['options'],
    }),
);

export const deadlinesFile = z.array(
  z
    .strictObject({
      id,
      kind: z
        .enum(['apply', 'notify'])
        .describe(
          'apply: an application window that caps the categories it governs once passed; notify: a duty to report',
        ),
      from: z.array(z.string()).min(1).describe('date facts; the window counts from the earliest one answered'),
      period: duration.describe('added to that date; the first day is not counted (民法140条)'),
      cite: citation,
      inForce: z.strictObject({ from: isoDate, to: isoDate.optional() }),
      when: condition.optional().describe('who the deadline applies to; computed only when met'),
      excusedWhen: condition
        .optional()
        .describe('a reason the law accepts for missing the window: shown, caps nothing (apply only)'),
      governs: z
        .strictObject({
          rules: z.array(z.string()).default([]).describe('category ids'),
          routes: z.array(route).default([]).describe('every category with one of these routes'),
        })
        .optional()
        .describe('the categories a passed window caps at "possible" (apply only)'),
    })
    .superRefine((d, ctx) => {
      const governs = (d.governs?.rules.length ?? 0) + (d.governs?.routes.length ?? 0);
      if (d.kind === 'apply' && !governs)
        ctx.addIssue({ code: 'custom', path: ['governs'], message: 'an application window governs some categories' });
      if (d.kind === 'notify' && (d.governs || d.excusedWhen))
        ctx.addIssue({
          code: 'custom',
          path: [d.governs ? 'governs' : 'excusedWhen'],
          message: 'a duty to notify caps nothing: no `governs` or `excusedWhen`',
        });
    }),
);
export type DeadlinesFile = z.infer<typeof deadlinesFile>;

export const indexFile = z.strictObject({
  checkedAgainstLaw: isoDate.describe('the date the rules were last checked against the law'),
  order: z.array(z.string()).min(1),
});

const httpsUrl = z.string().regex(/^https:\/\/[^\s]+$/, 'an https:// address');
const linkId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and -');

/** rules/links.yaml: the official pages, forms and helplines the results link to (links only). */
export const linksFile = z.strictObject({
  links: z.record(
    linkId,
    z.strictObject({
      owner: linkId.describe('key of links.owners.<owner> in locales/<lang>/links.json'),
      ja: httpsUrl.describe('the Japanese page'),
      en: httpsUrl.describe('the English page (the Japanese one, with enJapaneseOnly, when there is none)'),
      enJapaneseOnly: z.literal(true).optional().describe('the owner publishes this page in Japanese only'),
      tel: z
        .string()
        .regex(/^#?\d[\d-]*\d$/, 'a telephone number of digits and hyphens, e.g. 0120-279-889 or #8008')
        .optional(),
      checked: isoDate.describe('the day a rule author last opened the link'),
    }),
  ),
  routes: z.partialRecord(route, linkId).describe('the page of each application route'),
  helplines: z.partialRecord(z.enum(['dv', 'refugee', 'criminal']), z.array(linkId).min(1)),
});
export type LinksFile = z.infer<typeof linksFile>;

/** rules/parameters.yaml: the values the law sets that the rules read (dated where the law changed them). */
export const parametersFile = z.strictObject({
  age_of_majority: z.strictObject({
    cite: citation,
    values: z
      .record(z.string(), z.number().int().min(1).max(99))
      .superRefine((v, ctx) => {
        if (!Object.keys(v).length) ctx.addIssue({ code: 'custom', message: 'at least one dated value' });
        for (const k of Object.keys(v))
          if (!isoDate.safeParse(k).success)
            ctx.addIssue({ code: 'custom', path: [k], message: 'a date written YYYY-MM-DD' });
      })
      .describe('the age of majority in years, each in force from its date until the next'),
  }),
  route_place: z.strictObject({
    cite: citation,
    values: z
      .strictObject(
        Object.fromEntries(ROUTES.map((r) => [r, z.enum(['abroad', 'in_japan'])])) as Record<
          (typeof ROUTES)[number],
          z.ZodEnum<{ abroad: 'abroad'; in_japan: 'in_japan' }>
        >,
      )
      .describe('where the person must be for each application route'),
  }),
  route_facts: z.strictObject({
    cite: citation,
    values: z
      .strictObject({
        place: id.describe('the question of where the person is (its answers are the places of route_place)'),
        status: id.describe('the question of the status of residence held in Japan'),
      })
      .describe('the questions the routes read (rules/facts.yaml)'),
  }),
  status_routes: z.strictObject({
    cite: citation,
    values: z
      .array(
        z.strictObject({
          status: z.string().describe('an answer of the status question (route_facts.status)'),
          routes: z.array(route).min(1).describe('routes made in Japan'),
          effect: z
            .enum(['only', 'not_met', 'unknown'])
            .describe('only: the routes are for this status alone; else how they fit at best with it'),
          note: z
            .enum(['regularisation', 'visitor-exceptional', 'technical-intern'])
            .optional()
            .describe('the caution shown (engine.routeNote.<note>)'),
          expert: z
            .enum(['uncertain', 'disputed'])
            .optional()
            .describe('the sources leave the point open: an expert reason when it is how the person would apply'),
          cite: citation,
        }),
      )
      .min(1)
      .describe('what the status held in Japan does to the routes made there; the first entry naming a route decides'),
  }),
});
export type ParametersFile = z.infer<typeof parametersFile>;
