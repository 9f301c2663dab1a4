import { expect, type Locator, type Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/** The header every page shares: main navigation and language switcher. */
export class SiteHeader {
	readonly languages: Locator;

	constructor(readonly page: Page) {
		this.languages = page.locator('nav.languages');
	}

	languageLink(locale: Locale): Locator {
		return this.languages.locator(`a[hreflang="${locale}"]`);
	}

	/** Signed in: the header offers "my account" and "sign out", not "sign in". */
	async expectSignedIn(locale: Locale): Promise<void> {
		const header = this.page.locator('header');
		await expect(header.getByRole('button', { name: message(locale, 'nav_sign_out') })).toBeVisible();
		await expect(header.getByRole('link', { name: message(locale, 'nav_account') })).toBeVisible();
		await expect(header.getByRole('link', { name: message(locale, 'nav_sign_in'), exact: true })).toHaveCount(0);
	}

	async expectSignedOut(locale: Locale): Promise<void> {
		const header = this.page.locator('header');
		await expect(header.getByRole('link', { name: message(locale, 'nav_sign_in'), exact: true })).toBeVisible();
		await expect(header.getByRole('button', { name: message(locale, 'nav_sign_out') })).toHaveCount(0);
	}
}
