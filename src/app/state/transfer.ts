// Export, import and share links of the answers (docs/answers-format.md, "Share links"). Pure: no
// React, no DOM beyond the web platform's TextEncoder, CompressionStream and crypto.subtle, which
// Node 20 and every current browser have. Everything read from outside goes through the engine's
// parseAnswers; this module adds the checks of the container (file bytes, link checksum) and the
// human messages for every error.
import {
  ANSWERS_VERSION,
  MAX_ANSWERS_BYTES,
  parseAnswers,
  serializeAnswers,
  type AnswerError,
} from '../../engine/answers';
import type { Answers, Fact, RuleSet } from '../../engine/types';
import { orList, quoted, type Translate } from '../../present';
import type { SensitiveTopic } from './sensitive';
import { countAnswers, LINK_KEY } from './answer-set';

// The helpers the app shell needs at start live in a tiny module of their own, so that this one
// (streams, checksum, messages) loads only with the save page or when a share link is opened.
export { countAnswers, exportFileName, isShareFragment, LINK_KEY, pathInOrder, sameAnswers } from './answer-set';

export type TransferSource = 'file' | 'link';

export type TransferCode =
  | AnswerError['code']
  // the file
  | 'empty'
  | 'notText'
  | 'unreadable'
  | 'noAnswersGiven'
  // the link
  | 'notALink'
  | 'linkVersion'
  | 'truncated'
  | 'damaged'
  | 'unsupported';

export interface TransferError {
  code: TransferCode;
  /** `version`, `answers.<fact id>`, a top-level field, or '' for the whole file or link. */
  path: string;
  params?: Record<string, string | number>;
}

export type TransferResult =
  { ok: true; answers: Answers } | { ok: false; source: TransferSource; errors: TransferError[] };

// ── export ──

/** The answers file: exactly the documented format that `npm run screen` reads. */
export function exportFile(answers: Answers): string {
  return `${serializeAnswers(answers)}\n`;
}

/** The sensitive topics (rules/facts.yaml `sensitive`) among the answered questions. */
export function sensitiveTopics(set: RuleSet, answers: Answers): SensitiveTopic[] {
  const topics = new Set<SensitiveTopic>();
  for (const f of set.facts) if (f.sensitive && Object.hasOwn(answers, f.id)) topics.add(f.sensitive);
  return (['dv', 'refugee', 'criminal'] as const).filter((t) => topics.has(t));
}

// ── import ──

const utf8 = new TextEncoder();

const fail = (source: TransferSource, ...errors: TransferError[]): TransferResult => ({ ok: false, source, errors });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The raw value at an error's path, as it was written, for the message (never evaluated). */
function given(data: unknown, path: string): string | undefined {
  if (!isRecord(data)) return undefined;
  let value: unknown;
  if (path === 'version') value = Object.getOwnPropertyDescriptor(data, 'version')?.value;
  else if (path.startsWith('answers.') && isRecord(data.answers))
    value = Object.getOwnPropertyDescriptor(data.answers, path.slice('answers.'.length))?.value;
  return value === undefined ? undefined : short(value);
}

/** A value as written in JSON, cut to 40 characters for a message. */
function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** JSON text → answers, through parseAnswers; the errors carry what was written. */
function readText(text: string, set: RuleSet, asOf: string, source: TransferSource): TransferResult {
  if (!text.trim()) return fail(source, { code: 'empty', path: '' });
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return fail(source, { code: 'notJson', path: '' });
  }
  const parsed = parseAnswers(set, data, asOf);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e): TransferError => {
      const params: Record<string, string | number> = { ...e.params };
      if (e.code === 'notObject') {
        const answers: unknown = isRecord(data) ? Object.getOwnPropertyDescriptor(data, 'answers')?.value : undefined;
        // parseAnswers refuses the envelope as a whole; say which part is wrong.
        if (isRecord(answers)) return { code: 'wrongVersion', path: 'version', params: { expected: ANSWERS_VERSION } };
        params.reason = !isRecord(data) ? 'shape' : answers === undefined ? 'noAnswers' : 'answersNotObject';
        if (answers !== undefined) params.given = short(answers);
      } else {
        const g = given(data, e.path);
        if (g !== undefined) params.given = g;
      }
      return { code: e.code, path: e.path, params };
    });
    return fail(source, ...errors);
  }
  if (!countAnswers(parsed.answers)) return fail(source, { code: 'noAnswersGiven', path: 'answers' });
  return { ok: true, answers: parsed.answers };
}

/**
 * Reads an answers file (its bytes, or its text). Refuses a file over 64 KiB before decoding it,
 * a file that is not text (UTF-8, or UTF-16 with a byte-order mark), an empty one, one without
 * any answer, and anything parseAnswers refuses.
 */
export function readImport(input: string | ArrayBuffer | Uint8Array, set: RuleSet, asOf: string): TransferResult {
  const bytes =
    typeof input === 'string' ? utf8.encode(input) : ArrayBuffer.isView(input) ? input : new Uint8Array(input);
  if (bytes.byteLength > MAX_ANSWERS_BYTES)
    return fail('file', { code: 'tooLarge', path: '', params: { size: bytes.byteLength, max: MAX_ANSWERS_BYTES } });
  // UTF-8 (with or without a byte-order mark), or UTF-16 with its mark (Windows editors write that).
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return fail('file', { code: 'notText', path: '' });
  }
  return readText(text.replace(/^\uFEFF/, ''), set, asOf, 'file');
}

/** Reads a chosen file: refuses one over 64 KiB without reading it, then as readImport. */
export async function readImportFile(file: Blob, set: RuleSet, asOf: string): Promise<TransferResult> {
  if (file.size > MAX_ANSWERS_BYTES)
    return fail('file', { code: 'tooLarge', path: '', params: { size: file.size, max: MAX_ANSWERS_BYTES } });
  try {
    return readImport(new Uint8Array(await file.arrayBuffer()), set, asOf);
  } catch {
    return fail('file', { code: 'unreadable', path: '' });
  }
}

// ── share links ──
// `#answers=v1.<payload>.<check>`: payload = base64url(deflate-raw(UTF-8 of the compact answers
// file)); check = base64url of the first 8 bytes of SHA-256 over the ASCII text `v1.<payload>`.

export const LINK_VERSION = 'v1';
const CHECK_BYTES = 8;
const CHECK_CHARS = 11; // base64url of 8 bytes, unpadded
const B64URL = /^[A-Za-z0-9_-]*$/;
/** Longer than any link a 64 KiB answers file could give (base64 of deflate output, plus slack). */
export const MAX_LINK_CHARS = Math.ceil(((MAX_ANSWERS_BYTES + 1024) * 4) / 3) + 64;

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!B64URL.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Runs bytes through a (de)compression stream; stops reading past `limit` bytes of output. */
async function through(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array | 'tooLarge'> {
  const writer = stream.writable.getWriter();
  // A corrupt input rejects these too; the reader below reports it.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return 'tooLarge';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function checkOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(body));
  return toBase64url(new Uint8Array(digest).subarray(0, CHECK_BYTES));
}

export const linksSupported = (): boolean =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function' && !!globalThis.crypto?.subtle;

/** The fragment of a share link, `#answers=v1.<payload>.<check>`. Rejects if the browser lacks the streams. */
export async function encodeShareFragment(answers: Answers): Promise<string> {
  const sorted = Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)));
  return fragmentOf(JSON.stringify({ version: ANSWERS_VERSION, answers: sorted }));
}

/** The share-link fragment carrying any text (the app gives it the compact answers file). */
export async function fragmentOf(text: string): Promise<string> {
  const packed = await through(utf8.encode(text), new CompressionStream('deflate-raw'));
  if (packed === 'tooLarge') throw new Error('unreachable: no limit when packing');
  const body = `${LINK_VERSION}.${toBase64url(packed)}`;
  return `#${LINK_KEY}=${body}.${await checkOf(body)}`;
}

/** The whole link: the page's address without query or fragment, then the fragment. */
export function shareUrl(pageUrl: string, fragment: string): string {
  const url = new URL(pageUrl);
  return `${url.origin}${url.pathname}${fragment}`;
}

/**
 * Reads a share link's fragment (with or without the leading #). A cut-off link is `truncated`,
 * an edited one `damaged` (its checksum no longer matches), a newer format `linkVersion`; then
 * the answers go through parseAnswers like a file. Never throws.
 */
export async function decodeShareFragment(fragment: string, set: RuleSet, asOf: string): Promise<TransferResult> {
  const f = fragment.trim().replace(/^#/, '');
  if (f.length > MAX_LINK_CHARS) return fail('link', { code: 'tooLarge', path: '', params: { size: f.length } });
  const prefix = `${LINK_KEY}=`;
  if (!f.startsWith(prefix)) return fail('link', { code: 'notALink', path: '' });
  const parts = f.slice(prefix.length).split('.');
  const [version = '', payload, check] = parts;
  if (!version || (payload === undefined && /^v?\d*$/.test(version)))
    return fail('link', { code: 'truncated', path: '' });
  if (!/^v\d+$/.test(version)) return fail('link', { code: 'notALink', path: '' });
  if (version !== LINK_VERSION) return fail('link', { code: 'linkVersion', path: '', params: { version } });
  if (payload === undefined || check === undefined || (check.length < CHECK_CHARS && B64URL.test(check)))
    return fail('link', { code: 'truncated', path: '' });
  if (parts.length > 3 || check.length !== CHECK_CHARS || !B64URL.test(payload) || !B64URL.test(check))
    return fail('link', { code: 'damaged', path: '' });
  if (!linksSupported()) return fail('link', { code: 'unsupported', path: '' });
  try {
    if ((await checkOf(`${version}.${payload}`)) !== check) return fail('link', { code: 'damaged', path: '' });
    const packed = fromBase64url(payload);
    if (!packed) return fail('link', { code: 'damaged', path: '' });
    const bytes = await through(packed, new DecompressionStream('deflate-raw'), MAX_ANSWERS_BYTES);
    if (bytes === 'tooLarge')
      return fail('link', { code: 'tooLarge', path: '', params: { size: f.length, max: MAX_ANSWERS_BYTES } });
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return readText(text, set, asOf, 'link');
  } catch {
    // The checksum matched but the payload is not deflate data or not UTF-8: made by hand.
    return fail('link', { code: 'damaged', path: '' });
  }
}

// ── messages ──

const ENVELOPE: TransferCode[] = [
  'empty',
  'notText',
  'unreadable',
  'tooLarge',
  'notJson',
  'notObject',
  'wrongVersion',
  'unknownTopField',
  'noAnswersGiven',
  'notALink',
  'linkVersion',
  'truncated',
  'damaged',
  'unsupported',
];

/** What a fact's answer must be, for a wrong type: `"yes" or "no"`, `a date written YYYY-MM-DD`… */
function expectedText(fact: Fact, t: Translate, lang: string): string {
  const values =
    fact.type === 'yesno' ? ['yes', 'no'] : fact.type === 'choice' ? [...(fact.options ?? [])] : ([] as string[]);
  if (values.length) {
    if (fact.dontKnow) values.push('unknown');
    return t('ui.transfer.errors.expected.values', {
      values: orList(
        values.map((v) => `"${v}"`),
        lang,
      ),
    });
  }
  return t(`ui.transfer.errors.expected.${fact.type}`, {
    orUnknown: fact.dontKnow ? t('ui.transfer.errors.expected.orUnknown') : '',
  });
}

/** The human message of one error: what is wrong and where, with the question's own text. */
export function transferErrorText(
  e: TransferError,
  source: TransferSource,
  set: RuleSet,
  t: Translate,
  lang: string,
): string {
  const p = e.params ?? {};
  if (ENVELOPE.includes(e.code)) {
    const src = t(`ui.transfer.source.${source}`);
    switch (e.code) {
      case 'tooLarge':
        return source === 'file'
          ? t('ui.transfer.errors.file.tooLarge', {
              size: Math.ceil(Number(p.size) / 1024),
              max: MAX_ANSWERS_BYTES / 1024,
            })
          : t('ui.transfer.errors.link.tooLarge');
      case 'notObject':
        return t(`ui.transfer.errors.notObject.${String(p.reason ?? 'shape')}`, { source: src, given: p.given });
      case 'wrongVersion':
        return p.given === undefined
          ? t('ui.transfer.errors.versionMissing', { source: src })
          : t('ui.transfer.errors.wrongVersion', { source: src, given: p.given });
      case 'unknownTopField':
        return t('ui.transfer.errors.unknownTopField', { source: src, field: e.path });
      case 'notText':
      case 'unreadable':
      case 'notALink':
      case 'linkVersion':
      case 'truncated':
      case 'damaged':
      case 'unsupported':
        return t(`ui.transfer.errors.${source}.${e.code}`, { version: p.version });
      default:
        return t(`ui.transfer.errors.${e.code}`, { source: src });
    }
  }
  const id = e.path.replace(/^answers\./, '');
  const fact = set.facts.find((f) => f.id === id);
  if (e.code === 'unknownFact' || !fact) return t('ui.transfer.errors.answer.unknownFact', { id });
  const where = {
    question: quoted(t(`facts.${id}.question`), lang),
    id,
    given: p.given,
    value: p.value,
  };
  switch (e.code) {
    case 'wrongType':
      return t('ui.transfer.errors.answer.wrongType', { ...where, expected: expectedText(fact, t, lang) });
    case 'notOption':
      return t('ui.transfer.errors.answer.notOption', { ...where, expected: expectedText(fact, t, lang) });
    case 'badDate': {
      const v = String(p.value ?? '');
      const m = /^(\d{4})-\d{2}-\d{2}$/.exec(v);
      const reason = !m ? 'format' : Number(m[1]) < 1800 || Number(m[1]) > 2200 ? 'year' : 'notReal';
      return t(`ui.transfer.errors.answer.badDate.${reason}`, where);
    }
    case 'future':
      return t('ui.transfer.errors.answer.future', where);
    case 'dateOrder': {
      const other = String(p.other ?? '');
      return t('ui.transfer.errors.answer.dateOrder', {
        ...where,
        other,
        otherQuestion: quoted(t(`facts.${other}.question`), lang),
        otherValue: p.otherValue,
      });
    }
    default:
      return t('ui.transfer.errors.answer.generic', where);
  }
}

/** Every message of a refused file or link, in order. */
export function transferErrorTexts(
  result: Extract<TransferResult, { ok: false }>,
  set: RuleSet,
  t: Translate,
  lang: string,
): string[] {
  return result.errors.map((e) => transferErrorText(e, result.source, set, t, lang));
}
