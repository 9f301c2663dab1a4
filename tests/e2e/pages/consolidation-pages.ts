/** A forum's consolidation page (coordinators): compute, move a delegate, locks. */
import type { Locator, Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

export class ConsolidationPage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	async open(number: number | string): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/forums/${number}/consolidation`);
		await this.page.waitForLoadState('load');
	}

	async compute(): Promise<void> {
		await this.page.locator('form[action="?/compute"]').getByRole('button', { name: message(this.locale, 'consolidation_compute_submit') }).click();
	}

	/** The delegates table's row of a person, by name. */
	delegateRow(name: string): Locator {
		return this.page.getByTestId('consolidation-delegates').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
	}

	private moveForm(): Locator {
		return this.page.getByTestId('consolidation-move');
	}

	/** Chooses a delegate and a visit by the start of their labels, then asks for the effect. */
	async previewMove(person: string, visit: string): Promise<void> {
		const form = this.moveForm();
		for (const [select, text] of [
			['#move-person', person],
			['#move-visit', visit]
		] as const) {
			const value = await form.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
			await form.locator(select).selectOption(value!);
		}
		await form.getByRole('button', { name: message(this.locale, 'consolidation_move_preview') }).click();
	}

	async confirmMove(): Promise<void> {
		await this.moveForm().getByRole('button', { name: message(this.locale, 'consolidation_move_confirm') }).click();
	}

	locks(): Locator {
		return this.page.getByTestId('consolidation-locks');
	}
}
