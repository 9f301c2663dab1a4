import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { SiteHeader } from './pages/site-header';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ORIGIN, message } from './support/environment';

// The partner account is used by no other test: these attempts count against its own limit only.
const email = DEMO_ACCOUNTS.partner;

test('signs in with a password', async ({ page }) => {
	const signIn = new SignInPage(page, 'fr');
	await signIn.goto();
	await signIn.signInWithPassword(email, DEMO_PASSWORD);

	await expect(page).toHaveURL(`${ORIGIN}/fr`);
	await new SiteHeader(page).expectSignedIn('fr');
});

test('a wrong password shows the error and keeps the e-mail typed', async ({ page }) => {
	const signIn = new SignInPage(page, 'ko');
	await signIn.goto();
	// Typed in capitals: what comes back is what was typed, not the normalised address.
	const typed = email.toUpperCase();
	await signIn.signInWithPassword(typed, 'not-the-password');

	await expect(page).toHaveURL(/\/ko\/sign-in/);
	await expect(signIn.passwordError).toHaveText(message('ko', 'sign_in_invalid_credentials'));
	await expect(signIn.passwordEmail).toHaveValue(typed);
	// The password itself is never sent back.
	await expect(signIn.passwordInput).toHaveValue('');
	await new SiteHeader(page).expectSignedOut('ko');
});
