/** A forum's date poll page: the coordinator's forms, a member's answer, the results grid. */
import type { Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

export class PollPage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	async open(forumNumber: number | string): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/forums/${forumNumber}/poll`);
		await this.page.waitForLoadState('load');
	}

	/** Creates an edition with only a title and a number from 100 to 999, in Korea, still an idea; returns its number. */
	async createForum(title: string): Promise<string> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/forums/new`);
		await this.page.waitForLoadState('load');
		// Tests run side by side: a number of its own, not the form's next one, which another test may take first.
		const number = String(100 + Math.floor(Math.random() * 900));
		await this.page.locator('form [name="number"]').fill(number);
		await this.page.locator('form [name="titleFr"]').fill(title);
		await this.page.locator('form [name="hostCountry"]').selectOption('KR');
		await this.page.getByRole('button', { name: message(this.locale, 'forum_create_submit') }).click();
		await this.page.getByRole('status').first().waitFor();
		return number;
	}

	private field(action: string, name: string) {
		return this.page.locator(`form[action="?/${action}"] [name="${name}"]`);
	}

	async saveSettings(fields: { closesDate: string; closesTime: string; closesTimezone: string }, submit: string): Promise<void> {
		await this.field('settings', 'closesDate').fill(fields.closesDate);
		await this.field('settings', 'closesTime').fill(fields.closesTime);
		await this.field('settings', 'closesTimezone').selectOption(fields.closesTimezone);
		await this.page.getByRole('button', { name: submit }).click();
	}

	async addOption(fields: { startsOn: string; endsOn?: string; reasonFr?: string }): Promise<void> {
		await this.field('addOption', 'startsOn').fill(fields.startsOn);
		await this.field('addOption', 'endsOn').fill(fields.endsOn ?? '');
		await this.field('addOption', 'reasonFr').fill(fields.reasonFr ?? '');
		await this.page.getByRole('button', { name: message(this.locale, 'poll_add_option_submit') }).click();
	}

	optionField(name: string) {
		return this.field('addOption', name);
	}

	/** The answer form's choice for an option, by the start of its legend ("1er choix"). */
	choice(optionLegend: RegExp, choiceKey: 'poll_choice_yes' | 'poll_choice_if_need_be' | 'poll_choice_no') {
		return this.page.locator('form[action="?/answer"]').getByRole('group', { name: optionLegend }).getByLabel(message(this.locale, choiceKey));
	}

	async submitAnswer(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'poll_answer_submit') }).click();
	}

	grid() {
		return this.page.getByRole('table', { name: message(this.locale, 'poll_grid_caption') });
	}

	async closeWith(optionLegend: RegExp): Promise<void> {
		await this.page.locator('form[action="?/close"]').getByRole('radio', { name: optionLegend }).check();
		await this.page.getByRole('button', { name: message(this.locale, 'poll_close_submit') }).click();
	}
}
