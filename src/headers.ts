// The HTTP headers the tool must be served with (docs/deploy.md gives them for common hosts;
// `vite preview` and the dev server send them, vite.config.ts). Pure data, no imports.
//
// - `frame-ancestors 'none'`: no other site may show the tool in a frame. Framed, "Exit this
//   page" would change only the frame, leaving the tool's address in the framing page, and a
//   framing page could watch or overlay what the person types. Only a header can say this: a
//   <meta> Content-Security-Policy ignores frame-ancestors.
// - `form-action 'none'`: no form is ever sent anywhere (answers stay on the device).
// - The rest of the policy (build only; the dev server's hot reload needs an inline script):
//   the page loads only its own files, so no script or request reaches another origin.

/** The policy of the built page, sent as a header and also set in a <meta> (vite.config.ts). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** What a <meta> may carry (frame-ancestors is ignored there, and browsers warn about it). */
export const CSP_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** The headers of every response of the built site. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_DIRECTIVES.join('; '),
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
  // No page of the tool tells the next site where the person came from: the weather site the
  // exit opens, or any link followed, never learns the tool's address (nor a share link's).
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // Nothing of the device is needed.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** The dev server's headers: framing and forms refused, scripts as Vite's hot reload needs them. */
export const DEV_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "frame-ancestors 'none'; form-action 'none'",
};
