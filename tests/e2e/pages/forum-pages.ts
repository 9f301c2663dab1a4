/** The forum pages of a group: the editions list, the edition form, a forum's overview and programme. */
import type { Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

export class ForumPages {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	async openList(): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/forums`);
	}

	async openProgramme(number: number | string): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/forums/${number}/programme`);
		await this.page.waitForLoadState('load');
	}

	/** A field of the edition form (the page's only form). */
	editionField(name: string) {
		return this.page.locator(`form [name="${name}"]`).first();
	}

	async fillEdition(fields: Record<string, string>): Promise<void> {
		for (const [name, value] of Object.entries(fields)) {
			const field = this.editionField(name);
			if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
			else await field.fill(value);
		}
	}

	/** A field of the programme page's "add an item" form. */
	itemField(name: string) {
		return this.page.locator(`form[action="?/addItem"] [name="${name}"]`);
	}

	async fillItem(fields: Record<string, string>): Promise<void> {
		for (const [name, value] of Object.entries(fields)) {
			const field = this.itemField(name);
			if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
			else await field.fill(value);
		}
	}

	async submitItem(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'forum_item_add_submit') }).click();
	}

	/** The programme table of one day, by its heading ("lundi 14 septembre 2027"). */
	day(heading: string) {
		return this.page.getByRole('table', { name: heading });
	}
}
