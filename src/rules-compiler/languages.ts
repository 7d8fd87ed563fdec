// locales/languages.json: the languages of the product (src/present/languages.ts reads it for the
// app, the prerendering and the command line). Validated here like the rule files: a malformed
// entry fails the build with the file and the field. Build-time only (Node).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LanguagesFile } from '../present/languages';
import type { RuleProblem } from './compile';

export const LANGUAGES_FILE = 'locales/languages.json';

const piece = (what: string) => z.string().describe(what);
const pair = (what: string) => z.strictObject({ open: piece(`before ${what}`), close: piece(`after ${what}`) });

const code = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'a two- or three-letter ISO 639 language code in lower case, such as en')
  .describe('the folder locales/<code>/, the address prefix /<code>/ and ?lang=<code>');

const dateLocale = z
  .string()
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'a BCP 47 locale such as en-GB')
  .describe('the Intl locale dates are written in');

export const language = z.strictObject({
  code,
  name: z.string().trim().min(1).describe("the language's name in its own script, for the language switch"),
  dateLocale,
  typography: z.strictObject({
    list: piece('between the items of a list of words'),
    phraseList: piece('between the items of a list of phrases that may hold commas'),
    sentences: piece('between two sentences'),
    aside: pair('an aside after a sentence'),
    labelled: piece('between a label and its detail'),
    colon: piece('after a label, before what it labels'),
    quotes: pair('a quoted text'),
  }),
});

export const languagesFile = z
  .strictObject({
    $schema: z.string().optional(),
    default: code.describe('the language of the unprefixed address and of a browser that prefers none listed'),
    law: code.describe("the law's own language: legal terms are shown in it beside the reader's"),
    languages: z.array(language).min(1),
  })
  .superRefine((file, ctx) => {
    const codes = file.languages.map((l) => l.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i)
        ctx.addIssue({ code: 'custom', path: ['languages', i, 'code'], message: `duplicate language '${c}'` });
    });
    for (const key of ['default', 'law'] as const)
      if (!codes.includes(file[key]))
        ctx.addIssue({ code: 'custom', path: [key], message: `'${file[key]}' is not one of the languages listed` });
  }) satisfies z.ZodType<LanguagesFile & { $schema?: string | undefined }>;

/**
 * Reads and validates `<root>/locales/languages.json`; each language must also have its folder
 * locales/<code>/. Problems are added to `problems`; the languages are returned only if valid.
 */
export function readLanguages(
  root: string,
  readJson: (file: string) => Record<string, unknown> | undefined,
  problems: RuleProblem[],
): LanguagesFile | undefined {
  const data = readJson(join(root, LANGUAGES_FILE));
  if (data === undefined) {
    if (!problems.some((p) => p.file === LANGUAGES_FILE))
      problems.push({ file: LANGUAGES_FILE, path: '', message: 'missing: it lists the languages' });
    return undefined;
  }
  const res = languagesFile.safeParse(data);
  if (!res.success) {
    for (const issue of res.error.issues)
      problems.push({ file: LANGUAGES_FILE, path: issue.path.map(String).join('.'), message: issue.message });
    return undefined;
  }
  const file: LanguagesFile = { default: res.data.default, law: res.data.law, languages: res.data.languages };
  file.languages.forEach((l, i) => {
    if (!existsSync(join(root, 'locales', l.code)))
      problems.push({
        file: LANGUAGES_FILE,
        path: `languages.${i}.code`,
        message: `no folder locales/${l.code}/ with the texts of '${l.code}'`,
      });
  });
  return file;
}

const MESSAGES_LOCALE = 'en'; // the compiler's messages are in English
const names = new Intl.DisplayNames([MESSAGES_LOCALE], { type: 'language', fallback: 'code' });
/** A language's name in the compiler's messages: "Japanese", "English". */
export const languageName = (code: string): string => names.of(code) ?? code;
