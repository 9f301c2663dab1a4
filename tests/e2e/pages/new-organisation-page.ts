import { expect, type Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/** /groups/<slug>/organisations/new: the official-list search, then the organisation form. */
export class NewOrganisationPage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly groupSlug = 'coree'
	) {}

	async open(): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.groupSlug}/organisations/new`);
	}

	async search(country: 'FR' | 'KR', query: string): Promise<void> {
		await this.page.locator('#search-country').selectOption(country);
		await this.page.locator('#search-query').fill(query);
		await this.page.getByRole('button', { name: message(this.locale, 'org_search_submit') }).click();
		await this.page.waitForURL((url) => url.searchParams.get('q') === query);
	}

	/** The names in the results table, in their order. */
	async resultNames(): Promise<string[]> {
		return this.page.locator('table tbody th[scope=row]').allInnerTexts();
	}

	async choose(name: string): Promise<void> {
		await this.page.getByRole('link', { name: message(this.locale, 'org_choose_named', { name }), exact: true }).click();
		await expect(this.page.getByRole('status')).toContainText(name);
	}

	field(name: string) {
		return this.page.locator(`#field-${name}`);
	}

	async submit(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'org_submit') }).click();
	}
}
