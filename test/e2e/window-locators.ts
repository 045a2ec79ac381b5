// How the tests find things in the window: by role and accessible name, as a user (or a screen
// reader) would.
import type { Locator, Page } from '@playwright/test';

export const profileList = (page: Page): Locator => page.getByRole('listbox', { name: 'AWS profiles' });
export const profileOptions = (page: Page): Locator => profileList(page).getByRole('option');
/** An option by profile name: its accessible name is the name; status and details are its description. */
export const profileOption = (page: Page, name: string): Locator =>
  profileList(page).getByRole('option', { name, exact: true });
export const detail = (page: Page): Locator => page.getByRole('article');
export const searchBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search profiles' });
export const profileCount = (page: Page): Locator => page.locator('#profile-count');
