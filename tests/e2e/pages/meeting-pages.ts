/** The meetings pages of a group: the list, the scheduling form and a meeting's page. */
import type { Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

export class MeetingPages {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	async openList(): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/meetings`);
	}

	async openMeeting(id: string): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/meetings/${id}`);
	}

	field(name: string) {
		return this.page.locator(`form [name="${name}"]`).first();
	}

	async fillMeeting(fields: { titleFr: string; date: string; startTime: string; endTime: string; videoLink: string }): Promise<void> {
		for (const [name, value] of Object.entries(fields)) await this.field(name).fill(value);
	}

	async submitNew(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'meeting_create_submit') }).click();
	}

	/** The line with the meeting's times in Paris and Seoul side by side. */
	bothSides() {
		return this.page.getByTestId('meeting-times');
	}
}
