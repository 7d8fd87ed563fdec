// The command line's output safety: whatever comes from the file (keys, values, the version as
// written) or the arguments is shown with its control characters escaped, a value at most 80
// characters long, and at most 20 problems listed. Writing into a closed pipe (`… | head -1`)
// ends quietly with exit 0; a full disk or another write error ends with one sentence on stderr.
import type { AnswerError, RuleSet } from '../../src/engine';
import type { Translate } from '../../src/present';
import { versionAsWritten, type InputError } from './input';

/** The longest value quoted in a message, in characters (an ellipsis marks the cut). */
export const MAX_QUOTED = 80;
/** The most problems listed; the rest are counted ("and N more"). */
export const MAX_ERRORS = 20;

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e' };

/**
 * Escapes what a terminal would act on: C0 and C1 control characters, DEL, the line and
 * paragraph separators and the bidirectional controls (which reorder what is shown).
 */
export function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A text from the file, cut to 80 characters (whole code points) and escaped. */
export function quoted(text: string, max = MAX_QUOTED): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return escapeControls(cut);
}

/** `file: field: message` lines for parseAnswers' errors, at most 20, then "and N more". */
export function errorLines(
  file: string,
  errors: AnswerError[],
  set: RuleSet,
  asOf: string,
  t: Translate,
  text?: string,
): string {
  const name = escapeControls(file);
  const lines = errors.slice(0, MAX_ERRORS).map((e) => {
    const fact = set.facts.find((f) => `answers.${f.id}` === e.path);
    const allowed = fact?.type === 'yesno' ? ['yes', 'no'] : fact?.type === 'choice' ? [...(fact.options ?? [])] : [];
    if (fact?.dontKnow) allowed.push('unknown');
    const params: Record<string, string | number> = { asOf, allowed: allowed.join(', ') };
    for (const [k, v] of Object.entries(e.params ?? {})) params[k] = typeof v === 'string' ? quoted(v) : v;
    let key = `cli.errors.${e.code}`;
    if (e.code === 'wrongVersion' && text !== undefined) {
      const given = givenVersion(text);
      if (given !== undefined) {
        key = 'cli.errors.wrongVersionGiven';
        params.given = quoted(given);
      }
    }
    const message = t(key, params);
    return `${name}: ${e.path ? `${quoted(e.path)}: ` : ''}${message}\n`;
  });
  if (errors.length > MAX_ERRORS)
    lines.push(`${name}: ${t('cli.errors.more', { count: errors.length - MAX_ERRORS })}\n`);
  return lines.join('');
}

/** The version as the file writes it: `1e400`, `"1"`, `true`… (undefined when absent or unreadable). */
function givenVersion(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || !('version' in data)) return undefined;
  const value = data.version;
  return versionAsWritten(text, value) ?? JSON.stringify(value);
}

/** The sentence for a file that could not be read. */
export function inputErrorLine(file: string, error: InputError, t: Translate): string {
  const params: Record<string, string | number> = {};
  if (error.code === 'unreadable') params.reason = quoted(error.reason);
  let key = `cli.errors.${error.code}`;
  if (error.code === 'tooLarge') {
    params.max = error.max;
    if (error.size !== undefined) params.size = error.size;
    else key = 'cli.errors.tooLargeStream';
  }
  const name = file === '-' ? t('cli.errors.stdin') : escapeControls(file);
  return `${name}: ${t(key, params)}\n`;
}

/**
 * Sets how stdout and stderr end on a write error: a closed pipe (EPIPE: the reader has all it
 * wanted) exits 0 at once; anything else (ENOSPC, a full disk) exits 1 with one sentence on
 * stderr if stderr can still take it. Never a stack trace.
 */
export function guardOutput(proc: NodeJS.Process = process): void {
  const onError = (stream: 'stdout' | 'stderr') => (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') proc.exit(0);
    if (stream === 'stdout')
      try {
        proc.stderr.write(`cannot write the output (${e.code ?? e.message})\n`);
      } catch {
        /* stderr is gone too */
      }
    proc.exit(1);
  };
  proc.stdout.on('error', onError('stdout'));
  proc.stderr.on('error', onError('stderr'));
}
