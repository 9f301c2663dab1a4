import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { message, type Locale } from '../support/environment';

/** The CSV files the tests upload (tests/fixtures/csv). */
export const CSV_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'csv');

/** /groups/<slug>/exchange: export links, the import form, its preview and the confirm button. */
export class ExchangePage {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly groupSlug = 'coree'
	) {}

	async open(): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.groupSlug}/exchange`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(message(this.locale, 'exchange_title'));
	}

	/** Uploads a fixture as organisations or people and waits for the preview (or the file's refusal). */
	async upload(kind: 'organisations' | 'people', fixture: string): Promise<void> {
		const listKey = kind === 'organisations' ? 'exchange_list_organisations' : 'exchange_list_people';
		await this.page.getByRole('radio', { name: message(this.locale, listKey) }).check();
		await this.page.getByLabel(message(this.locale, 'exchange_import_file'), { exact: true }).setInputFiles(join(CSV_FIXTURES, fixture));
		await this.page.getByRole('button', { name: message(this.locale, 'exchange_import_submit') }).click();
	}

	get preview() {
		return this.page.getByRole('table', { name: message(this.locale, 'exchange_preview_heading') });
	}

	/** The preview's row for a line of the file. */
	row(line: number) {
		return this.preview.locator('tbody tr').filter({ has: this.page.locator('td:first-child', { hasText: new RegExp(`^${line}$`) }) });
	}

	get confirmButton() {
		return this.page.getByRole('button', { name: message(this.locale, 'exchange_confirm_submit') });
	}

	exportLink(listKey: string, format: 'CSV' | 'XLSX') {
		return this.page.getByRole('link', { name: message(this.locale, 'exchange_export_link', { list: message(this.locale, listKey), format }) });
	}
}
