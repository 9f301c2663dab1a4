/**
 * Signing in by magic link, end to end: the form, the e-mail in the outbox (read from the server's
 * SQLite file), the confirmation button, the session, and the link working only once.
 */
import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { SiteHeader } from './pages/site-header';
import { DEMO_ACCOUNTS, ORIGIN, message, type Locale } from './support/environment';
import { linkIn, newestMessageTo, waitForMessageTo } from './support/outbox';

const CASES: { locale: Locale; email: string; who: string }[] = [
	// The coordinator prefers Korean: the e-mail and its link are in Korean.
	{ locale: 'ko', email: DEMO_ACCOUNTS.coordinator, who: 'the coordinator' },
	{ locale: 'fr', email: DEMO_ACCOUNTS.member, who: 'a member' }
];

for (const { locale, email, who } of CASES) {
	test(`${who} signs in by magic link in ${locale}, and the link works only once`, async ({ page, browser }) => {
		const signIn = new SignInPage(page, locale);
		await signIn.goto();
		const requestedAt = new Date();
		await signIn.requestLink(email);

		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'check_email_title'));
		await expect(page.getByRole('status')).toHaveText(message(locale, 'check_email_body', { email }));

		const mail = await waitForMessageTo(email, requestedAt);
		expect(mail.subject).toBe(message(locale, 'email_magic_link_subject'));
		const link = linkIn(mail);
		expect(link.origin).toBe(ORIGIN);
		expect(link.pathname).toBe(`/${locale}/auth/link`);

		// Opening the link alone does not sign in (mail scanners open links): the button does.
		await page.goto(link.href);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'magic_link_title'));
		await new SiteHeader(page).expectSignedOut(locale);
		await page.getByRole('button', { name: message(locale, 'magic_link_submit') }).click();

		await expect(page).toHaveURL(`${ORIGIN}/${locale}`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await new SiteHeader(page).expectSignedIn(locale);

		// The same link a second time, from another browser: refused, and nobody is signed in.
		const other = await browser.newContext();
		try {
			const otherPage = await other.newPage();
			await otherPage.goto(link.href);
			await otherPage.getByRole('button', { name: message(locale, 'magic_link_submit') }).click();
			await expect(otherPage.getByRole('alert')).toHaveText(message(locale, 'magic_link_invalid'));
			await expect(otherPage.locator('html')).toHaveAttribute('lang', locale);
			await new SiteHeader(otherPage).expectSignedOut(locale);
		} finally {
			await other.close();
		}
	});
}

test('a magic link asked for an unknown address shows the same page, and sends nothing', async ({ page }) => {
	const email = 'nobody@example.org';
	const signIn = new SignInPage(page, 'fr');
	await signIn.goto();
	await signIn.requestLink(email);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'check_email_title'));
	await expect(page.getByRole('status')).toHaveText(message('fr', 'check_email_body', { email }));
	expect(newestMessageTo(email)).toBeNull();
});
