/**
 * Vitest global setup: the CLI tests run the built CLI (out/main/cli.js) with plain Node, as an
 * installed user's `workbench` does, so the build must be current. `npm test` builds before
 * the unit tests; this covers a targeted `npx vitest run`.
 */
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

export default function setup(): void {
  buildIfStale();
}
