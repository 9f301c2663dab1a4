import type { Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/** /admin/groups and its new and edit pages: country groups as an administrator runs them. */
export class AdminGroupsPage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale
	) {}

	/** From the administration page, as an administrator finds it. */
	async openFromAdministration(): Promise<void> {
		await this.page.goto(`/${this.locale}/admin`);
		await this.page.getByRole('link', { name: message(this.locale, 'admin_group_list_link') }).click();
	}

	field(name: string) {
		return this.page.locator(`#field-${name}`);
	}

	async fill(fields: Record<string, string>): Promise<void> {
		for (const [name, value] of Object.entries(fields)) await this.field(name).fill(value);
	}

	async create(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'admin_group_create_submit') }).click();
	}

	async save(): Promise<void> {
		await this.page.getByRole('button', { name: message(this.locale, 'org_record_save') }).click();
	}

	errorOf(name: string) {
		return this.page.locator(`#field-${name}-error`);
	}
}
