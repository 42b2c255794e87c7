import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Result } from '../../shared/result';

/** WCAG 2.2 AA and axe's best practices: the page in its current state has no violation. */
export async function expectNoViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    `axe violations on ${state}`,
  ).toEqual([]);
}

/** Unwraps what the service in the test process answered, failing the test with its message. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Opens a step of the workflow from the navigation and waits for its heading. */
export async function goTo(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workflow' }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}
