import { CONFIG, CREDENTIALS } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileOption } from './window-locators';

test.describe('copying the shell lines', () => {
  test('copy puts export AWS_PROFILE=<name> through the shell and says Copied', async ({ launchApp }) => {
    const { page, copied } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await profileOption(page, 'dev').click();
    const pane = detail(page);
    await expect(pane.getByText('AWS_PROFILE=dev', { exact: true })).toBeVisible();
    const copyExport = pane.getByRole('button', { name: 'Copy export AWS_PROFILE=dev' });
    await copyExport.click();
    await expect(copyExport).toHaveText('Copied');
    expect(copied).toEqual(['export AWS_PROFILE=dev']);

    await pane.getByRole('button', { name: 'Copy AWS_PROFILE=dev', exact: true }).click();
    await expect.poll(() => copied).toEqual(['export AWS_PROFILE=dev', 'AWS_PROFILE=dev']);
  });
});
