/**
 * axe-core on the main pages, in French and in Korean, with all of axe's default rules (WCAG 2.x
 * A and AA plus its best practices). Nothing is excluded: a violation here is a bug in the app.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { message, storageStateOf, type Locale } from './support/environment';

/** One line per failing element, so that the failure says what to fix and where. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
	return violations.flatMap((violation) =>
		violation.nodes.map(
			(node) => `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`
		)
	);
}

async function expectNoViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	expect(describeViolations(results.violations)).toEqual([]);
}

const PAGES: { name: string; path: string; heading: (locale: Locale) => string; as: 'anonymous' | 'administrator' }[] = [
	{ name: 'home', path: '', heading: (locale) => message(locale, 'home_title'), as: 'anonymous' },
	{ name: 'sign-in', path: '/sign-in', heading: (locale) => message(locale, 'sign_in_title'), as: 'anonymous' },
	{ name: 'home (signed in)', path: '', heading: (locale) => message(locale, 'home_title'), as: 'administrator' },
	{ name: 'group', path: '/groups/coree', heading: () => '', as: 'administrator' },
	{ name: 'account', path: '/account', heading: (locale) => message(locale, 'account_title'), as: 'administrator' },
	{ name: 'admin', path: '/admin', heading: (locale) => message(locale, 'admin_title'), as: 'administrator' },
	{ name: 'mailbox', path: '/admin/mailbox', heading: (locale) => message(locale, 'mailbox_title'), as: 'administrator' }
];

for (const locale of ['fr', 'ko'] as Locale[]) {
	for (const visit of PAGES) {
		test.describe(() => {
			if (visit.as !== 'anonymous') test.use({ storageState: storageStateOf(visit.as) });

			test(`axe finds nothing on the ${visit.name} page in ${locale}`, async ({ page }) => {
				const response = await page.goto(`/${locale}${visit.path}`);
				expect(response?.status()).toBe(200);
				// Checked after the fonts are in: contrast is measured on the text as drawn.
				await page.evaluate(() => document.fonts.ready);
				if (visit.heading(locale)) await expect(page.getByRole('heading', { level: 1 })).toHaveText(visit.heading(locale));
				await expectNoViolations(page);
			});
		});
	}
}

test.describe('with errors on the page', () => {
	test.use({ storageState: storageStateOf('administrator') });

	test('axe finds nothing on the invitation form showing field errors (ko)', async ({ page }) => {
		await page.goto('/ko/admin');
		await page.locator('#field-email').fill('not-an-email');
		await page.getByRole('button', { name: message('ko', 'admin_invite_submit') }).click();
		await expect(page.locator('#field-email-error')).toBeVisible();
		await expectNoViolations(page);
	});
});
