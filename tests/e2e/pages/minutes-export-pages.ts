/** The minutes' print view and the download links of a meeting's page. */
import type { Page } from '@playwright/test';
import type { Locale } from '../support/environment';

export class MinutesExportPages {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale,
		private readonly slug = 'coree'
	) {}

	async openPrint(meetingId: string, lang: 'fr' | 'ko' | 'both'): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/${this.slug}/meetings/${meetingId}/print?lang=${lang}`);
	}

	/** The meeting page's link to the minutes in a format and a language. */
	exportLink(format: 'docx' | 'pdf' | 'md', lang: 'fr' | 'ko' | 'both') {
		return this.page.locator(`a[href$="/export.${format}?lang=${lang}"]`).first();
	}

	minutes() {
		return this.page.locator('article.minutes');
	}
}
