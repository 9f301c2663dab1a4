import { expect, type Locator, type Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/** /{lang}/admin/mailbox and its message pages: the outbox as an administrator reads it. */
export class MailboxPage {
	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {}

	async goto(): Promise<void> {
		await this.page.goto(`/${this.locale}/admin/mailbox`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(message(this.locale, 'mailbox_title'));
	}

	/** The table rows of messages to an address, newest first (the page lists newest first). */
	rowsTo(address: string): Locator {
		return this.page.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: address, exact: true }) });
	}

	/** Opens the newest message to an address; returns its subject. */
	async openNewestTo(address: string): Promise<string> {
		const subjectLink = this.rowsTo(address).first().getByRole('link');
		const subject = (await subjectLink.textContent())?.trim() ?? '';
		await subjectLink.click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(subject);
		return subject;
	}

	/** On a message page: the link in the body whose path starts with `pathPrefix`. */
	async linkInBody(pathPrefix: string): Promise<URL> {
		const link = this.page.locator('pre.body a').filter({ hasText: pathPrefix }).first();
		await expect(link).toBeVisible();
		return new URL((await link.getAttribute('href'))!);
	}
}
