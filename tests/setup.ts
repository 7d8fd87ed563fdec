import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadEngine } from '../src/app/state/useRules';
afterEach(() => cleanup());
// findBy… waits up to 5 s, not 1 s: on a busy CI machine a render after a click can take longer,
// and a test must fail on what the page does, not on how loaded the machine is.
configure({ asyncUtilTimeout: 5000 });
// In the browser the engine's side of the journey loads after the start page (src/main.tsx);
// the tests render the app with it there from the first render.
await loadEngine();
