/** A delegate's personal programme page (issue 6 §5): publish, the delegates list, downloads. */
import type { Locator, Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

export class PersonalProgrammePage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	async open(number: number | string): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/forums/${number}/my-programme`);
		await this.page.waitForLoadState('load');
	}

	async publish(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'personal_programme_publish') }).click();
	}

	/** Opens a delegate's programme from the coordinators' list. */
	async openDelegate(name: string): Promise<void> {
		await this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: message(this.locale, 'personal_programme_delegate') }) }).getByRole('link', { name }).click();
		await this.page.waitForLoadState('load');
	}

	calendarLink(): Locator {
		return this.page.getByRole('link', { name: message(this.locale, 'personal_programme_download_ics') });
	}
}
