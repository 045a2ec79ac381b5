import { CONFIG, CREDENTIALS, IDENTITIES, corpToken } from './aws-files';
import { AWS_CLI_V1, expect, test } from '../support/e2e-fixtures';
import { detail, profileOption } from './window-locators';
import { lowContrastTexts } from '../support/text-contrast';

/** Relative luminance of a computed `rgb(r, g, b)` colour (WCAG 2 formula). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`follows the OS ${colorScheme} theme with readable text`, async ({ launchApp }, testInfo) => {
    const { page } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      identities: IDENTITIES,
      tokens: { corp: corpToken(Date.now() + 130 * 60_000) },
      awsCli: AWS_CLI_V1,
      colorScheme,
    });
    // The app window's own size (electron/main/window.ts).
    await page.setViewportSize({ width: 1040, height: 720 });
    await profileOption(page, 'prod').click();
    await profileOption(page, 'dev').click();
    await detail(page).getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(detail(page).getByLabel('Caller identity')).toBeVisible();

    const colors = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, text: body.color };
    });
    const background = luminance(colors.background);
    if (colorScheme === 'light') expect(background).toBeGreaterThan(0.8);
    else expect(background).toBeLessThan(0.05);
    expect(contrast(background, luminance(colors.text))).toBeGreaterThan(7);

    // Every piece of text in the window meets WCAG AA contrast (4.5:1) against what is behind it.
    const lowContrast = await page.locator('body').evaluate(lowContrastTexts, true);
    expect(lowContrast.failures).toEqual([]);

    // A hovered primary button keeps its own colours: the plain button's hover must not win.
    const primary = page.locator('button.primary:visible').first();
    const idle = await primary.evaluate((b) => getComputedStyle(b).backgroundColor);
    await primary.hover();
    const hovered = await primary.evaluate((b) => {
      const style = getComputedStyle(b);
      return { background: style.backgroundColor, text: style.color };
    });
    expect(hovered.background).not.toBe(idle);
    expect(contrast(luminance(hovered.background), luminance(hovered.text))).toBeGreaterThan(4.5);
    await page.mouse.move(0, 0);

    await testInfo.attach(`window-${colorScheme}`, { body: await page.screenshot(), contentType: 'image/png' });
    await page.screenshot({ path: testInfo.outputPath(`window-${colorScheme}.png`) });
  });
}
