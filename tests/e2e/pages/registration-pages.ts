/** A forum's registration pages: the organisation's form and the coordinators' dashboard. */
import type { Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

export class RegistrationPages {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	path(number: number | string, section: 'registration' | 'registrations'): string {
		return `/${this.locale}/groups/${this.slug}/forums/${number}/${section}`;
	}

	async openForm(number: number | string): Promise<void> {
		await this.page.goto(this.path(number, 'registration'));
		await this.page.waitForLoadState('load');
	}

	async openDashboard(number: number | string): Promise<void> {
		await this.page.goto(this.path(number, 'registrations'));
		await this.page.waitForLoadState('load');
	}

	/** Opens (or moves) the deadline from the dashboard. */
	async openRegistrations(deadline: { date: string; time: string; zone: string; reminders?: string }): Promise<void> {
		const form = this.page.locator('form[action="?/open"]');
		await form.locator('[name="deadlineDate"]').fill(deadline.date);
		await form.locator('[name="deadlineTime"]').fill(deadline.time);
		await form.locator('[name="deadlineTimezone"]').selectOption(deadline.zone);
		if (deadline.reminders !== undefined) await form.locator('[name="reminderDays"]').fill(deadline.reminders);
		await form.getByRole('button').click();
	}

	field(name: string) {
		return this.page.locator(`form.registration-form [name="${name}"]`).first();
	}

	/** The select of a delegate's n-th choice, by the delegate's name as its label says. */
	choice(rank: number, name: string) {
		return this.page.getByLabel(message(this.locale, 'registration_preference_label', { rank, name }), { exact: true });
	}

	async save(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'registration_save') }).click();
	}
}
