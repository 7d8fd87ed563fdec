// @vitest-environment node
// The command line against hostile or awkward input (scripts/cli/input.ts, scripts/cli/output.ts):
// closed pipes and full disks, sizes counted in bytes before reading, pipes and devices refused,
// the encodings the web app reads, control characters escaped, long values cut, many errors
// counted, an empty answers object, unreadable paths, and a version JSON cannot hold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules, main, translator } from '../../scripts/screen';
import { nodeFs, readAnswersInput, type InputFs } from '../../scripts/cli/input';
import { inputErrorLine } from '../../scripts/cli/output';
import { exampleFile } from '../../scripts/make-examples';
import { ROOT } from '../support/cases';

const AS_OF = '2026-11-23';
const EXAMPLE = exampleFile('notified-3');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCREEN = join(ROOT, 'scripts', 'screen.ts');

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'teiju-cli-hard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const answers = (a: Record<string, unknown>, version: unknown = 1) => JSON.stringify({ version, answers: a });
const good = answers({ location: 'in_japan' });

/** Runs the real command in a shell (for pipes and devices), with the exit code of the CLI itself. */
function shell(command: string) {
  const r = spawnSync('bash', ['-c', `${command}; echo "exit=\${PIPESTATUS[0]}" >&2`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stderr: r.stderr.replace(/exit=\d+\n$/, ''), code: Number(/exit=(\d+)\n$/.exec(r.stderr)?.[1]) };
}

describe('writing the output', () => {
  it('into a closed pipe (… --json | head) ends quietly with exit 0', () => {
    // `true` has exited long before the command writes: every write meets a closed pipe (EPIPE).
    const closed = shell(`"${TSX}" "${SCREEN}" "${EXAMPLE}" --json --as-of ${AS_OF} | true`);
    expect(closed).toEqual({ stderr: '', code: 0 });
    const head = shell(`"${TSX}" "${SCREEN}" "${EXAMPLE}" --json --all --as-of ${AS_OF} | head -c 10 >/dev/null`);
    expect(head).toEqual({ stderr: '', code: 0 });
  }, 60_000);

  it.runIf(existsSync('/dev/full'))(
    'onto a full disk ends with one sentence on stderr, exit 1',
    () => {
      const full = shell(`"${TSX}" "${SCREEN}" "${EXAMPLE}" --json --as-of ${AS_OF} > /dev/full`);
      expect(full).toEqual({ stderr: 'cannot write the output (ENOSPC)\n', code: 1 });
    },
    60_000,
  );
});

describe('reading the file', () => {
  it('checks the size in bytes before reading: 64 KiB + 1 bytes is refused', () => {
    const big = file('big.json', `${good}${' '.repeat(65_537 - good.length)}`);
    expect(statSync(big).size).toBe(65_537);
    const r = run(big, '--as-of', AS_OF);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`${big}: the file is 65537 bytes, more than the 65536 bytes an answers file may have\n`);
    // Exactly 64 KiB is read.
    const edge = file('edge.json', `${good}${' '.repeat(65_536 - good.length)}`);
    expect(run(edge, '--as-of', AS_OF).code).toBe(0);
  });

  it('the limit counts bytes, not characters: 30,000 kana (90,039 bytes) are refused', () => {
    const kana = file('kana.json', JSON.stringify({ version: 1, answers: { location: 'あ'.repeat(30_000) } }));
    expect(run(kana, '--as-of', AS_OF).stderr).toBe(
      `${kana}: the file is 90039 bytes, more than the 65536 bytes an answers file may have\n`,
    );
  });

  it('an endless stream on standard input is read only up to 64 KiB + 1 bytes', () => {
    let asked = 0;
    const endless: InputFs = {
      ...nodeFs,
      fstat: () => ({ isFile: () => false, isDirectory: () => false, size: 0 }) as ReturnType<InputFs['fstat']>,
      read: (_fd, buffer, offset, length) => {
        asked += length;
        buffer.fill(0x20, offset, offset + length);
        return length;
      },
    };
    const r = readAnswersInput('-', endless);
    expect(r).toEqual({ ok: false, error: { code: 'tooLarge', max: 65_536 } });
    expect(asked).toBe(65_537);
    const t = translator(loadRules().locales, 'en');
    expect(inputErrorLine('-', r.ok ? { code: 'notText' } : r.error, t)).toBe(
      'standard input: the input is more than the 65536 bytes an answers file may have\n',
    );
  });

  it('a FIFO and a device are refused at once, without reading', () => {
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = run(fifo, '--as-of', AS_OF);
    expect(Date.now() - started).toBeLessThan(2000); // opening a FIFO would wait for a writer
    const sentence =
      'this is not an ordinary file (it is a pipe, a device or a socket): give a saved answers file, or - to read standard input';
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${fifo}: ${sentence}\n`]);
    expect(run('/dev/zero').stderr).toBe(`/dev/zero: ${sentence}\n`);
  }, 5000);

  it('reads UTF-8 with a byte-order mark, and UTF-16 with its mark, as the web app does', () => {
    const utf16 = (text: string, le: boolean) => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out.set(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], 2 + i * 2);
      }
      return out;
    };
    const plain = run(file('plain.json', good), '--json', '--as-of', AS_OF).stdout;
    expect(plain).toContain('"asOf": "2026-11-23"');
    for (const [name, bytes] of [
      ['bom8.json', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good)])],
      ['le16.json', utf16(good, true)],
      ['be16.json', utf16(good, false)],
    ] as const) {
      const r = run(file(name, bytes), '--json', '--as-of', AS_OF);
      expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
      expect(r.stdout).toBe(plain);
    }
    const latin1 = file('latin1.json', new Uint8Array([...new TextEncoder().encode(good.slice(0, -2)), 0xe9, 0x7d]));
    expect(run(latin1).stderr).toBe(
      `${latin1}: this is not a text file: an answers file is UTF-8 (or UTF-16 with a byte-order mark)\n`,
    );
  });

  it('a missing path, a folder, a file below a file and a refused permission get a sentence', () => {
    const missing = join(dir, 'missing.json');
    expect(run(missing).stderr).toBe(`${missing}: there is no file at this path\n`);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(run(folder).stderr).toBe(`${folder}: this is a folder, not an answers file\n`);
    const below = join(file('plain2.json', good), 'x.json');
    expect(run(below).stderr).toBe(`${below}: a part of this path is a file, not a folder\n`);
    // Tests may run as root, who may read anything: the refusal comes from a stand-in file system.
    const refused: InputFs = {
      ...nodeFs,
      open: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    const r = readAnswersInput(file('secret.json', good), refused);
    const t = translator(loadRules().locales, 'en');
    expect(inputErrorLine('secret.json', r.ok ? { code: 'notText' } : r.error, t)).toBe(
      'secret.json: you do not have permission to read this file\n',
    );
    const ja = translator(loadRules().locales, 'ja');
    expect(run(missing, '--lang', 'ja').stderr).toBe(`${missing}: このパスにファイルがありません\n`);
    expect(inputErrorLine('secret.json', r.ok ? { code: 'notText' } : r.error, ja)).toBe(
      'secret.json: このファイルを読む権限がありません\n',
    );
  });
});

describe('what the messages show of the file', () => {
  it('escapes control characters (ESC, CR, LF) in keys, values and the file name', () => {
    const path = file(
      'ctl\u001b[2J.json',
      answers({ 'x\u001b[31m\r\nred': 1, location: 'mars\u001b]0;pwned\u0007\n' }),
    );
    const r = run(path, '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${dir}/ctl\\e[2J.json: answers.x\\e[31m\\r\\nred: unknown question id (see schema/answers.schema.json)\n` +
        `${dir}/ctl\\e[2J.json: answers.location: "mars\\e]0;pwned\\u0007\\n" is not an answer of this question (allowed: in_japan, abroad)\n`,
    );
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/); // eslint-disable-line no-control-regex
  });

  it('quotes a value at most 80 characters long', () => {
    const r = run(file('long.json', answers({ location: 'm'.repeat(500) })), '--as-of', AS_OF);
    expect(r.stderr).toContain(`answers.location: "${'m'.repeat(79)}…" is not an answer of this question`);
    const key = 'k'.repeat(300);
    expect(run(file('longkey.json', answers({ [key]: 1 }))).stderr).toContain(
      `: ${`answers.${key}`.slice(0, 79)}…: unknown question id`,
    );
  });

  it('lists at most 20 errors, then "and N more"', () => {
    const many = Object.fromEntries(Array.from({ length: 27 }, (_, i) => [`unknown_${i}`, 1]));
    const path = file('many.json', answers(many));
    const lines = run(path, '--as-of', AS_OF).stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe(`${path}: answers.unknown_19: unknown question id (see schema/answers.schema.json)`);
    expect(lines[20]).toBe(`${path}: and 7 more`);
    expect(run(path, '--lang', 'ja').stderr.trim().split('\n').at(-1)).toBe(`${path}: ほか 7 件`);
  });

  it('names a version JSON cannot hold as it is written: "version": 1e400', () => {
    const path = file('e400.json', '{"version": 1e400, "answers": {"location": "in_japan"}}');
    expect(run(path, '--as-of', AS_OF).stderr).toBe(
      `${path}: version: 1e400 is not a version this tool reads (it must be 1)\n`,
    );
    const text = file('text-version.json', '{"version": "1", "answers": {"location": "in_japan"}}');
    expect(run(text, '--as-of', AS_OF).stderr).toBe(
      `${text}: version: "1" is not a version this tool reads (it must be 1)\n`,
    );
  });
});

describe('"answers": {}', () => {
  it('is refused, as the web app refuses such a file: there is nothing to screen', () => {
    const path = file('empty.json', answers({}));
    const r = run(path, '--as-of', AS_OF);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `${path}: "answers" is empty: there is nothing to screen (the web app refuses such a file too)\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe('{"version":1,"answers":{}}');
  });
});
