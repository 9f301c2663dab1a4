import { expect, type Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/** /groups/<slug>/partnerships: the list, the new-partnership form and a partnership's record. */
export class PartnershipPages {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly groupSlug = 'coree'
	) {}

	async openList(): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.groupSlug}/partnerships`);
	}

	async openRecord(id: string) {
		return this.page.goto(`/${this.locale}/groups/${this.groupSlug}/partnerships/${id}`);
	}

	/** Finds a partner in the official list and picks it (a GET form, then a "Choose" link). */
	async pickOfficialPartner(query: string, name: string): Promise<void> {
		await this.page.locator('#official-query').fill(query);
		await this.page.getByRole('button', { name: message(this.locale, 'partnership_official_search_submit') }).click();
		await this.page.getByRole('link', { name: message(this.locale, 'partnership_official_choose_named', { name }), exact: true }).click();
		await expect(this.page.locator('#field-officialPick')).toContainText(name);
	}

	field(name: string) {
		return this.page.locator(`#field-${name}`);
	}

	async submitNew(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'partnership_create_submit') }).click();
	}

	/** Opens the "Record a status change" panel, fills it and submits. */
	async recordStatusChange(statusLabel: string, onDate: string, note = ''): Promise<void> {
		const panel = this.page.locator('details', { has: this.page.getByRole('heading', { name: message(this.locale, 'partnership_status_change_heading') }) });
		if (!(await panel.getAttribute('open'))) await panel.locator('summary').click();
		await this.page.locator('#field-status').selectOption({ label: statusLabel });
		await this.page.locator('#field-onDate').fill(onDate);
		await this.page.locator('#field-note').fill(note);
		await this.page.getByRole('button', { name: message(this.locale, 'partnership_status_change_submit') }).click();
	}

	/** The timeline's dates (datetime attributes) in the order shown. */
	async timelineDates(): Promise<string[]> {
		return this.page.locator('ol.timeline time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
	}

	async timelineTexts(): Promise<string[]> {
		return this.page.locator('ol.timeline > li').allInnerTexts();
	}
}
