import { CONFIG, CREDENTIALS, PROFILE_NAMES } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileList, profileOption, searchBox } from './window-locators';

const heading = (page: import('@playwright/test').Page) => detail(page).getByRole('heading', { level: 2 });

test.describe('keyboard use', () => {
  test('/ focuses search, arrows move the selection, Enter goes to the details', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOption(page, 'broken')).toBeVisible();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    // The slash itself is not typed into the box.
    await expect(searchBox(page)).toHaveValue('');

    await page.keyboard.type('de');
    await expect(profileList(page).getByRole('option')).toHaveCount(3); // default, deploy, dev
    await page.keyboard.press('ArrowDown');
    await expect(profileList(page)).toBeFocused();
    await expect(profileOption(page, 'default')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(profileOption(page, 'deploy')).toHaveAttribute('aria-selected', 'true');
    await expect(heading(page)).toHaveText('deploy');
    await page.keyboard.press('End');
    await expect(heading(page)).toHaveText('dev');
    await page.keyboard.press('ArrowDown');
    await expect(heading(page)).toHaveText('dev');
    await page.keyboard.press('Home');
    await expect(heading(page)).toHaveText('default');
    // The listbox names its selected option for assistive technology.
    const active = await profileList(page).getAttribute('aria-activedescendant');
    expect(active).not.toBeNull();
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');

    // Type-ahead jumps to a name once the search is cleared.
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await expect(profileList(page).getByRole('option')).toHaveCount(PROFILE_NAMES.length);
    await profileList(page).focus();
    await page.keyboard.type('pr');
    await expect(heading(page)).toHaveText('prod');
    await page.keyboard.press('Enter');
    await expect(heading(page)).toBeFocused();
    // From the details, Tab reaches the session's Log in first (prod signs in through SSO), then,
    // past the configuration's Details, the Verify button.
    await page.keyboard.press('Tab');
    await expect(detail(page).getByRole('button', { name: 'Log in', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(detail(page).getByText('Details', { exact: true }).first()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(detail(page).getByRole('button', { name: 'Verify', exact: true })).toBeFocused();
  });

  test('every control is reachable with Tab and shows a focus ring', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOption(page, 'broken')).toBeVisible();
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName,
          outline: style.outlineStyle,
        };
      });
      if (focused === null) continue;
      expect(focused.outline, `focus ring on ${focused.label}`).not.toBe('none');
      reached.add(focused.label);
    }
    expect(reached).toContain('Verify all');
    expect(reached).toContain('Settings');
    expect(reached).toContain('AWS profiles');
  });

  test('after a click, the arrow keys carry on from the clicked profile', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await profileOption(page, 'ci').click();
    await expect(profileList(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(heading(page)).toHaveText('default');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(heading(page)).toHaveText('broken');
  });
});
