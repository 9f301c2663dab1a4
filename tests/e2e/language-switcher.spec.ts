/**
 * The language switcher on every kind of page: each link leads to the same page in that language
 * (html lang, translated heading, the link marked current).
 */
import { expect, test, type Page } from '@playwright/test';
import { SiteHeader } from './pages/site-header';
import { GROUP_NAMES, ORIGIN, message, storageStateOf, type Locale } from './support/environment';

interface Visit {
	name: string;
	/** The path without its language: "/admin". */
	path: string;
	heading: (locale: Locale) => string;
	as: 'anonymous' | 'administrator';
}

const VISITS: Visit[] = [
	{ name: 'home', path: '', heading: (locale) => message(locale, 'home_title'), as: 'anonymous' },
	{ name: 'sign-in', path: '/sign-in', heading: (locale) => message(locale, 'sign_in_title'), as: 'anonymous' },
	{ name: 'home (signed in)', path: '', heading: (locale) => message(locale, 'home_title'), as: 'administrator' },
	{ name: 'account', path: '/account', heading: (locale) => message(locale, 'account_title'), as: 'administrator' },
	{ name: 'group', path: '/groups/coree', heading: (locale) => GROUP_NAMES.coree[locale], as: 'administrator' },
	{ name: 'admin', path: '/admin', heading: (locale) => message(locale, 'admin_title'), as: 'administrator' },
	{ name: 'mailbox', path: '/admin/mailbox', heading: (locale) => message(locale, 'mailbox_title'), as: 'administrator' },
	{ name: '404', path: '/nope', heading: (locale) => message(locale, 'error_not_found_title'), as: 'anonymous' }
];

async function expectPageIn(page: Page, visit: Visit, locale: Locale): Promise<void> {
	await expect(page).toHaveURL(`${ORIGIN}/${locale}${visit.path}`);
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(visit.heading(locale));
	const header = new SiteHeader(page);
	await expect(header.languageLink(locale)).toHaveAttribute('aria-current', 'true');
	await expect(header.languages.locator('a[aria-current]')).toHaveCount(1);
}

for (const visit of VISITS) {
	test.describe(() => {
		if (visit.as !== 'anonymous') test.use({ storageState: storageStateOf(visit.as) });

		test(`the language switcher works on the ${visit.name} page`, async ({ page }) => {
			await page.goto(`/fr${visit.path}`);
			await expectPageIn(page, visit, 'fr');
			for (const locale of ['ko', 'en', 'fr'] as Locale[]) {
				await new SiteHeader(page).languageLink(locale).click();
				await expectPageIn(page, visit, locale);
			}
		});
	});
}

test('the chosen language is remembered for addresses without one', async ({ page }) => {
	await page.goto('/fr/sign-in');
	await new SiteHeader(page).languageLink('ko').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	// The browser says French (playwright.config.ts), the cookie the switcher set says Korean.
	await page.goto('/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('ko', 'sign_in_title'));
});
