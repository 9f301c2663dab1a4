/** Forms checked on the server: errors next to their fields, in the page's language, typed values kept. */
import { expect, test, type Page } from '@playwright/test';
import { message, storageStateOf, type Locale } from './support/environment';

/** The field, its error (id field-<name>-error) and the link between them for screen readers. */
async function expectFieldError(page: Page, name: string, text: string): Promise<void> {
	const field = page.locator(`#field-${name}`);
	const error = page.locator(`p.field-error#field-${name}-error`);
	await expect(error).toHaveText(text);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAttribute('aria-describedby', new RegExp(`(^| )field-${name}-error( |$)`));
}

test.describe('as the administrator', () => {
	test.use({ storageState: storageStateOf('administrator') });

	test('the invitation form refuses an invalid e-mail and keeps what was typed', async ({ page }) => {
		await page.goto('/fr/admin');
		await page.locator('#field-email').fill('not-an-email');
		await page.locator('#field-name').fill('Camille Durand');
		await page.locator('#field-preferredLanguage').selectOption('ko');
		await page.getByRole('button', { name: message('fr', 'admin_invite_submit') }).click();

		await expect(page.getByRole('alert')).toHaveText(message('fr', 'error_form_has_errors'));
		await expectFieldError(page, 'email', message('fr', 'error_invalid_email'));
		await expect(page.locator('#field-email')).toHaveValue('not-an-email');
		await expect(page.locator('#field-name')).toHaveValue('Camille Durand');
		await expect(page.locator('#field-preferredLanguage')).toHaveValue('ko');
		await expect(page.locator('#field-name-error')).toHaveCount(0);
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	for (const locale of ['ko', 'fr'] as Locale[]) {
		test(`the profile form refuses an empty name (${locale})`, async ({ page }) => {
			await page.goto(`/${locale}/account`);
			await page.locator('#field-name').fill('   ');
			await page.getByRole('button', { name: message(locale, 'account_save') }).click();

			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('section[aria-labelledby="profile-heading"] [role="alert"]')).toHaveText(
				message(locale, 'error_form_has_errors')
			);
			await expectFieldError(page, 'name', message(locale, 'error_required'));
			await expect(page.locator('#field-name')).toHaveValue('   ');
		});
	}
});

test('what is typed before the page has hydrated is kept once its script runs', async ({ page }) => {
	// Holds the page's JavaScript back, as a slow connection does, while the person already types.
	const held: (() => Promise<void>)[] = [];
	let holding = true;
	await page.route('**/_app/immutable/**/*.js', (route) => (holding ? void held.push(() => route.continue()) : route.continue()));
	await page.goto('/fr/sign-in', { waitUntil: 'domcontentloaded' });
	const email = page.locator('form[action="?/link"] input[name="email"]');
	await email.fill('typed.before@hydration.test');
	await expect.poll(() => held.length).toBeGreaterThan(0);

	holding = false;
	await Promise.all(held.map((release) => release()));
	// Every script loaded and run: hydration is over (checked to fail with a value={...} binding).
	await page.waitForLoadState('networkidle');
	await expect(email).toHaveValue('typed.before@hydration.test');
});
