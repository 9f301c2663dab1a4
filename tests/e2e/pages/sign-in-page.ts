import { expect, type Locator, type Page } from '@playwright/test';
import { message, type Locale } from '../support/environment';

/**
 * /{lang}/sign-in: two forms on one page, each with its own `email` field. Both fields render with
 * id `field-email`, so every locator here is scoped to its form.
 */
export class SignInPage {
	readonly linkForm: Locator;
	readonly passwordForm: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.linkForm = page.locator('form[action="?/link"]');
		this.passwordForm = page.locator('form[action="?/password"]');
	}

	async goto(): Promise<void> {
		await this.page.goto(`/${this.locale}/sign-in`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(message(this.locale, 'sign_in_title'));
		// Under load, an address typed before the page had hydrated was once wiped by hydration and
		// the form sent empty: type only once the page has finished loading.
		await this.page.waitForLoadState('networkidle');
	}

	/** Asks for a magic link and waits for the "check your e-mail" page. */
	async requestLink(email: string): Promise<void> {
		await this.linkForm.locator('input[name="email"]').fill(email);
		await this.linkForm.getByRole('button', { name: message(this.locale, 'sign_in_send_link') }).click();
		await expect(this.page).toHaveURL(new RegExp(`/${this.locale}/sign-in/check-email\\?`));
	}

	get passwordEmail(): Locator {
		return this.passwordForm.locator('input[name="email"]');
	}

	get passwordInput(): Locator {
		return this.passwordForm.locator('input[name="password"]');
	}

	/** Fills and sends the password form; the caller checks where it lands. */
	async signInWithPassword(email: string, password: string): Promise<void> {
		await this.passwordEmail.fill(email);
		await this.passwordInput.fill(password);
		await this.passwordForm.getByRole('button', { name: message(this.locale, 'sign_in_password_submit') }).click();
	}

	/** The form-level error of the password form (wrong password, too many attempts). */
	get passwordError(): Locator {
		return this.page.locator('section[aria-labelledby="password-heading"] [role="alert"]');
	}
}
