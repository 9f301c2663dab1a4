/**
 * An administrator invites a person; the invitation is read in the mailbox page (no SMTP server
 * here), and the person opens it in their own browser, chooses a name and a password, and lands
 * signed in, in the language the administrator chose for them.
 */
import { expect, test } from '@playwright/test';
import { MailboxPage } from './pages/mailbox-page';
import { SiteHeader } from './pages/site-header';
import { GROUP_NAMES, ORIGIN, message, storageStateOf } from './support/environment';

test.use({ storageState: storageStateOf('administrator') });

test('an invited person accepts the invitation from the mailbox and is signed in in English', async ({ page, browser }) => {
	const email = 'new.person@example.org';

	await page.goto('/fr/admin');
	await page.locator('#field-email').fill(email);
	await page.locator('#field-preferredLanguage').selectOption('en');
	await page.locator('#field-groupId').selectOption({ label: GROUP_NAMES.coree.fr });
	await page.locator('#field-role').selectOption('member');
	await page.getByRole('button', { name: message('fr', 'admin_invite_submit') }).click();
	await expect(page.getByRole('status')).toHaveText(message('fr', 'admin_invite_sent', { email }));

	const mailbox = new MailboxPage(page, 'fr');
	await mailbox.goto();
	await expect(mailbox.rowsTo(email)).toHaveCount(1);
	const subject = await mailbox.openNewestTo(email);
	// The e-mail is in the invited person's language, not the administrator's.
	const [beforeInviter, afterInviter] = message('en', 'email_invitation_subject').split('{inviter}');
	expect(subject.startsWith(beforeInviter) && subject.endsWith(afterInviter)).toBe(true);
	const link = await mailbox.linkInBody('/en/auth/invitation');
	expect(link.origin).toBe(ORIGIN);

	const theirs = await browser.newContext();
	try {
		const invited = await theirs.newPage();
		await invited.goto(link.href);
		await expect(invited.locator('html')).toHaveAttribute('lang', 'en');
		await expect(invited.getByRole('heading', { level: 1 })).toHaveText(message('en', 'invitation_title'));
		await expect(invited.getByText(message('en', 'invitation_intro', { email }))).toBeVisible();
		await expect(invited.locator('#field-preferredLanguage')).toHaveValue('en');

		await invited.locator('#field-name').fill('New Person');
		await invited.locator('#field-password').fill('a bridge between two cities');
		await invited.locator('#field-confirmPassword').fill('a bridge between two cities');
		await invited.getByRole('button', { name: message('en', 'invitation_submit') }).click();

		await expect(invited).toHaveURL(`${ORIGIN}/en`);
		await expect(invited.locator('html')).toHaveAttribute('lang', 'en');
		await new SiteHeader(invited).expectSignedIn('en');
		await expect(invited.getByText(message('en', 'footer_signed_in_as', { name: 'New Person' }))).toBeVisible();
		// Invited into the Korea group as a member: it is on their home page.
		await expect(invited.locator('main').getByRole('link', { name: GROUP_NAMES.coree.en })).toBeVisible();
	} finally {
		await theirs.close();
	}
});
