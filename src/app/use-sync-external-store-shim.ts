// react-i18next imports useSyncExternalStore from the `use-sync-external-store/shim` package, a
// polyfill for React before 18; React 19 has it built in (vite.config.ts points the import here).
export { useSyncExternalStore } from 'react';
