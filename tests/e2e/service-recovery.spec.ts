import { join } from 'node:path';
import { expectNoViolations, goTo, valueOf } from './page-checks';
import { expect, test } from './harness';

test('says when the service stopped and was restarted, shows the workspace it reopened, and keeps working', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/create', { path: join(workbench.dir, 'recovery.sqlite'), name: 'Recovery Partnership' }));
  await workbench.open();
  await expect(page.getByTestId('open-workspace')).toContainText('Recovery Partnership');

  // What main pushes after restarting the service and reopening the workspace.
  await workbench.pushServiceStatus({
    state: 'restarted',
    workspaceReopened: true,
    message: 'The workbench service stopped unexpectedly and has been restarted, with your workspace open again. The step in progress did not finish and none of it was kept: check the screen and try it again.',
  });
  const alert = page.getByTestId('app-alert');
  await expect(alert).toHaveRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The workbench recovered from a problem');
  await expect(alert).toContainText('with your workspace open again');
  await expect(page.getByTestId('open-workspace')).toContainText('Recovery Partnership');
  await expectNoViolations(page, 'the recovery alert');

  // The screens still work, and the alert goes when dismissed.
  await goTo(page, 'Data');
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('says when the service could not be kept running, and what to do', async ({ page, workbench }) => {
  await workbench.open();
  await workbench.pushServiceStatus({
    state: 'stopped',
    message: 'The workbench service stopped unexpectedly 4 times in a row and has not been restarted again. Close the workbench and open it again.',
  });
  const alert = page.getByTestId('app-alert');
  await expect(alert.getByRole('heading')).toHaveText('The workbench has stopped working');
  await expect(alert).toContainText('Close the workbench and open it again.');
});

test('shows a failed read instead of an empty screen', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/create', { path: join(workbench.dir, 'failing.sqlite'), name: 'Failing Partnership' }));
  await workbench.open();
  // The workspace goes away under the page (as after a restart that could not reopen it).
  valueOf(await workbench.service.call('workspace/close', {}));
  await goTo(page, 'Data');
  await expect(page.getByRole('status').filter({ hasText: /could not be read: No workspace is open\. Create or open one first\./ })).toBeVisible();
});
