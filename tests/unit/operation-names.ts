import { operationNames } from '../../shared/operations';

// The build writes the operations' names into the preload as __OPERATION_NAMES__
// (electron.vite.config.ts); tests that load the preload's source find them here instead.
(globalThis as { __OPERATION_NAMES__?: readonly string[] }).__OPERATION_NAMES__ = operationNames;
