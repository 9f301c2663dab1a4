/** Who sees what: 403 and 404 pages in the visitor's language, sign-in for anonymous visitors. */
import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, GROUP_NAMES, ORIGIN, message, storageStateOf, type Locale } from './support/environment';

test.describe('a member', () => {
	test.use({ storageState: storageStateOf('member') });

	const forbidden: { path: string; locale: Locale }[] = [
		{ path: '/fr/admin', locale: 'fr' },
		{ path: '/fr/admin/mailbox', locale: 'fr' },
		{ path: '/fr/groups/japon', locale: 'fr' },
		{ path: '/ko/admin', locale: 'ko' }
	];
	for (const { path, locale } of forbidden) {
		test(`gets the ${locale} 403 page on ${path}`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(403);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'error_forbidden_title'));
			await expect(page.getByText(message(locale, 'error_forbidden_body'))).toBeVisible();
		});
	}

	test('sees the page of their own group', async ({ page }) => {
		const response = await page.goto('/fr/groups/coree');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP_NAMES.coree.fr);
		await expect(page.getByText(message('fr', 'home_role_in_group', { role: message('fr', 'role_member') }))).toBeVisible();
	});

	test('gets a 404 page for a group that does not exist', async ({ page }) => {
		const response = await page.goto('/fr/groups/nope');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'error_not_found_title'));
	});
});

test('an anonymous visitor of /fr/admin is sent to sign in, and back afterwards', async ({ page }) => {
	await page.goto('/fr/admin');
	await expect(page).toHaveURL(`${ORIGIN}/fr/sign-in?redirectTo=${encodeURIComponent('/fr/admin')}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'sign_in_title'));
	await expect(page.getByText(message('fr', 'sign_in_required'))).toBeVisible();

	await new SignInPage(page, 'fr').signInWithPassword(DEMO_ACCOUNTS.administrator, DEMO_PASSWORD);
	await expect(page).toHaveURL(`${ORIGIN}/fr/admin`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'admin_title'));
});

for (const locale of ['fr', 'ko', 'en'] as const) {
	test(`an unknown address gives the ${locale} 404 page`, async ({ page }) => {
		const response = await page.goto(`/${locale}/nope`);
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'error_not_found_title'));
		await expect(page.getByText(message(locale, 'error_not_found_body'))).toBeVisible();
	});
}
