import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadEngine } from '../src/app/state/useRules';
afterEach(() => cleanup());
// In the browser the engine's side of the journey loads after the start page (src/main.tsx);
// the tests render the app with it there from the first render.
await loadEngine();
