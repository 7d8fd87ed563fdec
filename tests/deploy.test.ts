// @vitest-environment node
// docs/deploy.md gives the headers of src/headers.ts, exactly, in every ready configuration, and
// the servers of this repository (vite preview, the dev server) send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../vite.config';
import { CSP_DIRECTIVES, CSP_META, DEV_HEADERS, SECURITY_HEADERS } from '../src/headers';
import { ROOT } from './support/cases';

const doc = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
const blocks = (lang: string) =>
  [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('the headers', () => {
  it('refuse framing and form submissions, in the header (a <meta> cannot refuse framing)', () => {
    expect(CSP_DIRECTIVES).toContain("frame-ancestors 'none'");
    expect(CSP_DIRECTIVES).toContain("form-action 'none'");
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(DEV_HEADERS['Content-Security-Policy']).toBe("frame-ancestors 'none'; form-action 'none'");
  });

  it('are sent by vite preview and the dev server', () => {
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
    expect(config.server?.headers).toEqual(DEV_HEADERS);
  });

  it('are given exactly in the table and in the nginx, Apache, Netlify and Cloudflare configurations', () => {
    const nginx = blocks('nginx');
    const apache = blocks('apache');
    const headersFile = blocks('text').filter((b) => b.startsWith('/*\n'));
    expect([nginx.length, apache.length, headersFile.length]).toEqual([1, 1, 1]);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(doc, `table: ${name}`).toContain(`| \`${name}\` | \`${value}\` |`);
      expect(nginx[0], `nginx: ${name}`).toContain(`add_header ${name} "${value}" always;`);
      expect(apache[0], `apache: ${name}`).toContain(`Header always set ${name} "${value}"`);
      expect(headersFile[0], `_headers: ${name}`).toContain(`\n  ${name}: ${value}\n`);
    }
    // Every path of the tool serves the app.
    expect(nginx[0]).toContain('try_files $uri /index.html;');
    expect(apache[0]).toContain('FallbackResource /index.html');
    expect(doc).toContain('/*    /index.html   200');
  });
});
