// Framing: another site must not show the tool in a frame (there "Exit this page" would change
// only the frame). The framing site is a small server started here on another loopback port (so
// another origin, and nothing leaves the machine); a control frame from that site shows that
// frames do render in this set-up.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

let framer: Server;
let framerOrigin = '';
test.beforeAll(async () => {
  const tool = new URL('/', test.info().project.use.baseURL).href;
  framer = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (req.url === '/control.html') return res.end('<!doctype html><title>c</title><p id="ok">a frame renders</p>');
    res.end(`<!doctype html><title>Framer</title><h1>Another site</h1>
      <iframe name="control" src="/control.html" width="400" height="200"></iframe>
      <iframe name="tool" src="${tool}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
  framerOrigin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((done) => framer.close(() => done())));

test('the built page refuses to render in a frame of another origin', async ({ page, baseURL }) => {
  const tool = new URL('/', baseURL).href;
  expect(framerOrigin).not.toBe(new URL(tool).origin);
  const response = page.waitForResponse((r) => r.url() === tool);
  await page.goto(`${framerOrigin}/`);
  const headers = (await response).headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { name: 'Another site' })).toBeVisible();
  await expect(page.frame('control')!.locator('#ok')).toHaveText('a frame renders');
  // Give the tool's frame time to render, if it were allowed to: it must not.
  await page.waitForTimeout(1500);
  const frame = page.frame('tool')!;
  const rendered = await frame.evaluate(() => document.querySelector('#root')?.childElementCount ?? 0).catch(() => 0);
  expect(rendered).toBe(0);
  await expect(frame.getByRole('button', { name: 'Exit this page' })).toHaveCount(0);
});

test('the tool on its own renders, with the same headers on a deep path', async ({ page, baseURL }) => {
  const response = await page.goto(new URL('/results', baseURL).href);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("form-action 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('button', { name: 'Exit this page' })).toBeVisible();
});
