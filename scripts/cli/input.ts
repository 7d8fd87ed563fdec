// The command line's input: reads an answers file (or standard input) the way the web app reads
// a chosen file (src/app/state/transfer.ts, readImport). The size is checked before reading: a path
// must be a regular file of at most 64 KiB (stat, then at most 64 KiB + 1 bytes are read, so a
// file that grows meanwhile is still refused); a pipe, a device (/dev/zero) or a socket given as
// a path is refused at once, without reading. The limit counts bytes, not characters. The bytes
// are UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_ANSWERS_BYTES } from '../../src/engine/answers';

export type InputError =
  | {
      code:
        'missing' | 'notAllowed' | 'directory' | 'notRegular' | 'notDirInPath' | 'loop' | 'nameTooLong' | 'noAnswers';
    }
  | { code: 'unreadable'; reason: string }
  | { code: 'tooLarge'; size?: number; max: number }
  | { code: 'notText' };

export type Input = { ok: true; text: string } | { ok: false; error: InputError };

/** The file system calls used; tests replace them (e.g. to be refused permission as root). */
export interface InputFs {
  stat: (path: string) => Stats;
  open: (path: string, flags: number) => number;
  fstat: (fd: number) => Stats;
  read: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  close: (fd: number) => void;
}

export const nodeFs: InputFs = {
  stat: (path) => statSync(path),
  open: (path, flags) => openSync(path, flags),
  fstat: (fd) => fstatSync(fd),
  read: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: (fd) => closeSync(fd),
};

const ERRNO: Record<string, InputError['code']> = {
  ENOENT: 'missing',
  EACCES: 'notAllowed',
  EPERM: 'notAllowed',
  EISDIR: 'directory',
  ENOTDIR: 'notDirInPath',
  ELOOP: 'loop',
  ENAMETOOLONG: 'nameTooLong',
};

function fromErrno(e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const known = code ? ERRNO[code] : undefined;
  if (known && known !== 'unreadable' && known !== 'tooLarge' && known !== 'notText') return { code: known };
  return { code: 'unreadable', reason: code ?? (e instanceof Error ? e.message : String(e)) };
}

function kindError(stats: Stats): InputError | undefined {
  if (stats.isDirectory()) return { code: 'directory' };
  if (!stats.isFile()) return { code: 'notRegular' };
  if (stats.size > MAX_ANSWERS_BYTES) return { code: 'tooLarge', size: stats.size, max: MAX_ANSWERS_BYTES };
  return undefined;
}

/** Reads at most `limit` bytes from an open file descriptor (waits on a pipe that has nothing yet). */
function readUpTo(fs: InputFs, fd: number, limit: number): Uint8Array {
  const buffer = new Uint8Array(limit);
  let size = 0;
  while (size < limit) {
    let n: number;
    try {
      n = fs.read(fd, buffer, size, limit - size);
    } catch (e) {
      // A non-blocking standard input with nothing to read yet: wait a little and try again.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    size += n;
  }
  return buffer.subarray(0, size);
}

/** UTF-8 (with or without its byte-order mark) or UTF-16 with its mark, as the web app reads them. */
export function decodeAnswersBytes(bytes: Uint8Array): string | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function decoded(bytes: Uint8Array): Input {
  if (bytes.byteLength > MAX_ANSWERS_BYTES) return { ok: false, error: { code: 'tooLarge', max: MAX_ANSWERS_BYTES } };
  const text = decodeAnswersBytes(bytes);
  return text === undefined ? { ok: false, error: { code: 'notText' } } : { ok: true, text };
}

/** Reads the answers file at `file` (`-`: standard input, which may be a pipe). Never throws. */
export function readAnswersInput(file: string, fs: InputFs = nodeFs): Input {
  const limit = MAX_ANSWERS_BYTES + 1;
  if (file === '-') {
    try {
      const stats = fs.fstat(0);
      // Standard input is a pipe or a terminal (read until its end) or a redirected file.
      if (stats.isFile() && stats.size > MAX_ANSWERS_BYTES)
        return { ok: false, error: { code: 'tooLarge', size: stats.size, max: MAX_ANSWERS_BYTES } };
      if (stats.isDirectory()) return { ok: false, error: { code: 'directory' } };
      return decoded(readUpTo(fs, 0, limit));
    } catch (e) {
      return { ok: false, error: fromErrno(e) };
    }
  }
  const path = resolve(file);
  let fd: number | undefined;
  try {
    // What the path is, before opening it: opening a pipe would wait for a writer.
    const before = kindError(fs.stat(path));
    if (before) return { ok: false, error: before };
    // Non-blocking: should the path have become a pipe meanwhile, opening it does not wait.
    fd = fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const now = kindError(fs.fstat(fd));
    if (now) return { ok: false, error: now };
    return decoded(readUpTo(fs, fd, limit));
  } catch (e) {
    return { ok: false, error: fromErrno(e) };
  } finally {
    if (fd !== undefined)
      try {
        fs.close(fd);
      } catch {
        /* closing a file only read */
      }
  }
}

/** The version as written in the file (e.g. `1e400`, which JSON reads as Infinity), if it is a number. */
export function versionAsWritten(text: string, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  for (const m of text.matchAll(/"version"\s*:\s*(-?[0-9][0-9.eE+-]*)/g))
    if (Object.is(Number(m[1]), value) || Number(m[1]) === value) return m[1];
  return undefined;
}
