/**
 * Signs in the demo accounts the other tests use, once per run, through the real password form,
 * and saves their cookies. The other tests then start signed in (test.use({ storageState })).
 */
import { expect, test as setup } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { SiteHeader } from './pages/site-header';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateOf, type DemoRole } from './support/environment';

for (const role of ['administrator', 'coordinator', 'member'] as DemoRole[]) {
	setup(`sign in as the demo ${role}`, async ({ page }) => {
		const signIn = new SignInPage(page, 'fr');
		await signIn.goto();
		await signIn.signInWithPassword(DEMO_ACCOUNTS[role], DEMO_PASSWORD);
		// Signing in lands on the home page in the account's preferred language.
		await expect(page).toHaveURL(/\/(fr|ko|en)$/);
		const locale = (await page.locator('html').getAttribute('lang')) as 'fr' | 'ko' | 'en';
		await new SiteHeader(page).expectSignedIn(locale);
		await page.context().storageState({ path: storageStateOf(role) });
	});
}
