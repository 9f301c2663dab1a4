/** The good practices library (issue 3 §6): browsing by theme and country, a record, adding one. */
import { expect, test, type Page } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, message, storageStateOf, type Locale } from './support/environment';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

/** /groups/coree/practices and the pages under it. */
class PracticesLibrary {
	constructor(
		private readonly page: Page,
		private readonly locale: Locale
	) {}

	async open(query = ''): Promise<void> {
		await this.page.goto(`/${this.locale}/groups/coree/practices${query}`);
	}

	/** The practices' titles in the table, in their order. */
	titles() {
		return this.page.locator('table tbody th[scope=row] > a');
	}

	field(name: string) {
		return this.page.locator(`#field-${name}`);
	}
}

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('browses the library by theme and by country', async ({ page }) => {
		const library = new PracticesLibrary(page, 'fr');
		await library.open();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'practice_library_title'));
		await expect(page.getByRole('navigation', { name: message('fr', 'group_nav_label') }).getByRole('link', { name: message('fr', 'group_nav_practices') })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(library.titles().filter({ hasText: 'Centre de supervision urbain de Nice' })).toHaveCount(1);

		// The "by theme" view: each theme with its count; choosing one filters the table.
		const byTheme = page.getByRole('region', { name: message('fr', 'practice_by_theme_heading') });
		await expect(byTheme.getByRole('listitem').filter({ hasText: 'Gestion des déchets' })).toContainText('2');
		await byTheme.getByRole('link', { name: 'Gestion des déchets' }).click();
		await expect(page).toHaveURL(/\?theme=waste-management$/);
		await expect(library.titles()).toHaveText(["Écoquartiers du Cœur de ville et du Fort d'Issy et leur système de gestion des déchets", 'Méthodes de compostage en Corée']);

		// The filter form (GET, no JavaScript needed): the same theme, in Korea only.
		await page.locator('#filter-country').selectOption('KR');
		await page.getByRole('button', { name: message('fr', 'group_filter_apply') }).click();
		await expect(page).toHaveURL(/theme=waste-management&country=KR/);
		await expect(library.titles()).toHaveText(['Méthodes de compostage en Corée']);
		await expect(page.getByRole('status')).toHaveText(countPattern('fr', 1));
	});

	test('opens a seeded practice in Korean, reads it in the other languages, and reaches its organisation', async ({ page }) => {
		const library = new PracticesLibrary(page, 'ko');
		await library.open('?theme=smart-city');
		await library.titles().filter({ hasText: '니스시 도시 관제 센터' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('니스시 도시 관제 센터');
		await expect(page.getByRole('region', { name: message('ko', 'practice_summary_heading') })).toContainText('니스시의 도시 관제 센터');
		await page.getByText(message('ko', 'practice_other_languages')).click();
		await expect(page.locator('[lang=fr]').filter({ hasText: 'Centre de supervision urbain de Nice' })).toBeVisible();
		await expect(page.getByText(message('ko', 'practice_read_only'))).toBeVisible();
		await expect(page.getByRole('link', { name: message('ko', 'practice_edit_link') })).toHaveCount(0);

		// Nice hosted a visit without being a member of the group: its record still opens.
		await page.getByRole('link', { name: '니스', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('니스');
		await expect(page.getByText('06088')).toBeVisible();
	});
});

/** The status line for this many practices shown, whatever the library's total (other tests add to it). */
function countPattern(locale: Locale, count: number): RegExp {
	const text = message(locale, 'practice_count', { count, total: 'TOTAL' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${text.replace('TOTAL', '\\d+')}$`);
}

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('adds a practice: errors beside the fields with the typed values kept, then a link and a photo', async ({ page }) => {
		const library = new PracticesLibrary(page, 'fr');
		const title = `Jardins partagés ${Date.now()}`;
		await library.open();
		await page.getByRole('link', { name: message('fr', 'practice_add_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'practice_new_title'));

		await library.field('titleFr').fill(title);
		await page.getByLabel('Dijon').check();
		await page.getByLabel('Agriculture durable').check();
		await page.getByRole('button', { name: message('fr', 'practice_create_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(message('fr', 'error_form_has_errors'));
		await expect(page.locator('#field-summaryFr-error')).toHaveText(message('fr', 'error_required'));
		await expect(library.field('titleFr')).toHaveValue(title);
		await expect(page.getByLabel('Dijon')).toBeChecked();
		await expect(page.getByLabel('Agriculture durable')).toBeChecked();

		await library.field('summaryFr').fill('Des jardins partagés ouverts aux habitants.');
		await library.field('titleKo').fill('공유 정원');
		await page.getByRole('button', { name: message('fr', 'practice_create_submit') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'practice_created'));
		await expect(page.getByRole('link', { name: 'Dijon' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Agriculture durable' })).toBeVisible();

		// A link that is not http(s) is refused beside its field; a web address is added.
		await page.getByText(message('fr', 'practice_link_add_heading')).click();
		await library.field('url').fill('javascript:alert(1)');
		await page.getByRole('button', { name: message('fr', 'practice_link_add') }).click();
		await expect(page.locator('#field-url-error')).toHaveText(message('fr', 'error_invalid_url'));
		await expect(library.field('url')).toHaveValue('javascript:alert(1)');
		await library.field('url').fill('https://www.dijon.fr/');
		await library.field('label').fill('Ville de Dijon');
		await page.getByRole('button', { name: message('fr', 'practice_link_add') }).click();
		await expect(page.getByRole('link', { name: 'Ville de Dijon' })).toHaveAttribute('href', 'https://www.dijon.fr/');

		// A text file named .png is no photo; a real PNG is added and served as an image.
		await page.getByText(message('fr', 'practice_photo_add_heading')).click();
		await library.field('photo').setInputFiles({ name: 'jardin.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload="alert(1)"/>') });
		await library.field('caption').fill('Le jardin au printemps');
		await page.getByRole('button', { name: message('fr', 'practice_photo_add') }).click();
		await expect(page.locator('#field-photo-error')).toHaveText(message('fr', 'file_error_type'));
		await expect(library.field('caption')).toHaveValue('Le jardin au printemps');
		// Over 10 MB: refused beside the field too (not by the server's own body limit, which is higher).
		const large = Buffer.concat([PNG, Buffer.alloc(10.5 * 1024 * 1024)]);
		await library.field('photo').setInputFiles({ name: 'jardin.png', mimeType: 'image/png', buffer: large });
		await page.getByRole('button', { name: message('fr', 'practice_photo_add') }).click();
		await expect(page.locator('#field-photo-error')).toHaveText(message('fr', 'file_error_too_large'));
		await library.field('photo').setInputFiles({ name: 'jardin.png', mimeType: 'image/png', buffer: PNG });
		await page.getByRole('button', { name: message('fr', 'practice_photo_add') }).click();
		const photo = page.getByRole('img', { name: 'Le jardin au printemps' });
		await expect(photo).toBeVisible();
		const served = await page.request.get((await photo.getAttribute('src'))!);
		expect(served.headers()['content-type']).toBe('image/png');
		expect(served.headers()['x-content-type-options']).toBe('nosniff');

		// Its history says who did what.
		const history = page.getByRole('region', { name: message('fr', 'org_record_history') });
		await expect(history).toContainText(message('fr', 'practice_history_photo_added', { photo: 'Le jardin au printemps (jardin.png)' }));
		await expect(history).toContainText(message('fr', 'practice_history_link_added', { link: 'Ville de Dijon <https://www.dijon.fr/>' }));
		await expect(history).toContainText('KIM Hyoung Jin');

		// Editing: the form comes filled in; only what changed is said.
		await page.getByRole('link', { name: message('fr', 'practice_edit_link') }).click();
		await expect(library.field('titleFr')).toHaveValue(title);
		await expect(page.getByLabel('Agriculture durable')).toBeChecked();
		await library.field('titleKo').fill('다종 공유 정원');
		await page.getByLabel('Jeunesse').check();
		await page.getByRole('button', { name: message('fr', 'practice_save_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(
			message('fr', 'practice_saved', { fields: [message('fr', 'practice_field_title_ko'), message('fr', 'practice_col_themes')].join(', ') })
		);
		await expect(page.getByRole('link', { name: 'Jeunesse' })).toBeVisible();

		// And the library lists it under its theme.
		await library.open('?theme=sustainable-agriculture');
		await expect(library.titles().filter({ hasText: title })).toHaveCount(1);
	});
});

test('a partner reads the library but cannot add to it', async ({ page }) => {
	// auth.setup.ts keeps no partner session: this test signs in itself.
	const signIn = new SignInPage(page, 'en');
	await signIn.goto();
	await signIn.signInWithPassword(DEMO_ACCOUNTS.partner, DEMO_PASSWORD);
	await expect(page).toHaveURL(/\/(fr|ko|en)$/);
	const library = new PracticesLibrary(page, 'en');
	await library.open();
	await expect(library.titles().filter({ hasText: 'Composting methods in Korea' })).toHaveCount(1);
	await expect(page.getByRole('link', { name: message('en', 'practice_add_link') })).toHaveCount(0);
	const response = await page.goto('/en/groups/coree/practices/new');
	expect(response?.status()).toBe(403);
});
