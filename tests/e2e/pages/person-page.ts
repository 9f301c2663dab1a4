import { expect, type Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/** /groups/<slug>/organisations/<id>/people/<personId>: a person's titles with dates, and their details. */
export class PersonPage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale
	) {}

	/** Opens the person from the group's page, through their organisation. */
	async openFromGroup(organisation: string, person: string, groupSlug = 'coree'): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${groupSlug}/members`);
		await this.page.getByRole('link', { name: organisation, exact: true }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(organisation);
		await this.page.getByRole('link', { name: person, exact: true }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(person);
	}

	/** The titles as listed, one text per title ("Maire (depuis le 1 mars 2024) actuelle"). */
	titles() {
		return this.page.locator('section', { has: this.page.locator('#titles-heading') }).locator('ul.titles > li');
	}

	async addTitle(fields: { title: string; language?: Locale; validFrom?: string; validTo?: string }): Promise<void> {
		const add = this.page.locator('details', { has: this.page.getByText(message(this.locale, 'title_add_heading')) });
		if ((await add.getAttribute('open')) === null) await add.locator('summary').click();
		await this.page.locator('#field-new-title').fill(fields.title);
		if (fields.language) await this.page.locator('#field-new-language').selectOption(fields.language);
		await this.page.locator('#field-new-validFrom').fill(fields.validFrom ?? '');
		await this.page.locator('#field-new-validTo').fill(fields.validTo ?? '');
		await this.page.getByRole('button', { name: message(this.locale, 'title_add_submit') }).click();
	}

	status() {
		return this.page.getByRole('status');
	}

	/** A calendar day as the page writes it. */
	day(iso: string): string {
		return new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
	}
}
