/** The directory: adding organisations from the official French and Korean lists (issue 3). */
import { expect, test } from '@playwright/test';
import { NewOrganisationPage } from './pages/new-organisation-page';
import { message, storageStateOf } from './support/environment';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('adds a French commune picked from the official list, its code and population filled in', async ({ page }) => {
		const form = new NewOrganisationPage(page, 'fr');
		await form.open();
		// Not Tours: the demo register holds it already, as the French side of a partnership.
		await form.search('FR', 'ANGERS');
		expect((await form.resultNames())[0]).toBe('Angers');
		await form.choose('Angers');
		await expect(form.field('officialCode')).toHaveValue('49007');
		await expect(form.field('officialCodeScheme')).toHaveValue('insee');
		await expect(form.field('regionName')).toHaveValue('Pays de la Loire');
		await expect(form.field('population')).toHaveValue(/^\d{5,}$/);
		await form.submit();
		await expect(page).toHaveURL(/\/fr\/groups\/coree\/members\?created=1$/);
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'org_created'));
		await expect(page.getByRole('rowheader', { name: 'Angers' })).toBeVisible();
	});

	test('finds a Korean government by its initial consonants (ㄱㅊ → 금천구) and adds it', async ({ page }) => {
		const form = new NewOrganisationPage(page, 'ko');
		await form.open();
		// Not Guro-gu (ㄱㄹ): the demo register holds it already, as Issy-les-Moulineaux's twin.
		await form.search('KR', 'ㄱㅊ');
		const names = await form.resultNames();
		expect(names[0]).toContain('서울특별시 금천구');
		await form.choose('Geumcheon-gu (Séoul)');
		await expect(form.field('nameKo')).toHaveValue('서울특별시 금천구');
		await expect(form.field('officialCode')).toHaveValue('KR-11:geumcheon-gu');
		await expect(form.field('kind')).toHaveValue('autonomous-gu');
		await form.submit();
		await expect(page).toHaveURL(/\/ko\/groups\/coree\/members\?created=1$/);
		await expect(page.getByRole('rowheader', { name: /서울특별시 금천구/ })).toBeVisible();
	});

	test('is warned that the authority exists, and offered the existing one', async ({ page }) => {
		const form = new NewOrganisationPage(page, 'fr');
		await form.open();
		await form.search('FR', 'issy les moulineaux');
		await form.choose('Issy-les-Moulineaux');
		await form.submit();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(message('fr', 'org_duplicate_intro'));
		await expect(alert).toContainText('Issy-les-Moulineaux');
		await expect(alert.getByRole('link', { name: message('fr', 'org_duplicate_in_group') })).toBeVisible();
		await expect(page.locator('#field-officialCode-error')).toHaveText(message('fr', 'error_duplicate_code'));

		// The same name typed by hand, without a code: a homonym may be confirmed, not silently created.
		await form.open();
		await form.field('countryCode').fill('FR');
		await form.field('nameFr').fill('ISSY LES MOULINEAUX');
		await form.submit();
		await expect(page.locator('#field-nameFr-error')).toHaveText(message('fr', 'error_duplicate_name'));
		await expect(page.getByLabel(message('fr', 'org_create_anyway'))).toBeVisible();
		await expect(form.field('nameFr')).toHaveValue('ISSY LES MOULINEAUX');
	});

	test('gets each bad field named, with what was typed kept', async ({ page }) => {
		const form = new NewOrganisationPage(page, 'en');
		await form.open();
		await form.field('countryCode').fill('XX');
		await form.field('nameFr').fill('Somewhere');
		await form.field('website').fill('somewhere');
		await form.field('officialCodeScheme').selectOption('insee');
		await form.field('officialCode').fill('123');
		await form.submit();
		await expect(page.locator('#field-website-error')).toHaveText(message('en', 'error_invalid_url'));
		await expect(page.locator('#field-officialCode-error')).toHaveText(message('en', 'error_invalid_code'));
		await expect(form.field('nameFr')).toHaveValue('Somewhere');
		await expect(form.field('website')).toHaveValue('somewhere');
		// The country is checked once the form is otherwise valid: an unknown ISO code is refused by name.
		await form.field('website').fill('');
		await form.field('officialCodeScheme').selectOption('');
		await form.field('officialCode').fill('');
		await form.submit();
		await expect(page.locator('#field-countryCode-error')).toHaveText(message('en', 'error_invalid_country'));
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('cannot add organisations to the group', async ({ page }) => {
		await page.goto('/fr/groups/coree/members');
		await expect(page.getByRole('link', { name: message('fr', 'org_add_link') })).toHaveCount(0);
		const response = await page.goto('/fr/groups/coree/organisations/new');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'error_forbidden_title'));
	});
});

test.describe('a member keeps their own organisation current', () => {
	test.use({ storageState: storageStateOf('member') });

	test('edits Nantes Métropole, adds a person with a dated title, and sees both in the history', async ({ page }) => {
		await page.goto('/fr/groups/coree/members');
		await page.getByRole('link', { name: 'Nantes Métropole' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nantes Métropole');

		await page.getByText(message('fr', 'org_record_edit_heading')).click();
		await page.locator('#field-website').fill('https://metropole.nantes.fr');
		await page.getByRole('button', { name: message('fr', 'org_record_save') }).click();
		await expect(page.getByRole('status')).toHaveText(message('fr', 'org_record_saved', { fields: message('fr', 'org_field_website') }));
		await expect(page.getByRole('link', { name: 'https://metropole.nantes.fr' })).toBeVisible();

		await page.getByText(message('fr', 'person_add_heading')).click();
		await page.locator('#field-givenName').fill('Min-jun');
		await page.locator('#field-familyName').fill('PARK');
		await page.locator('#field-nameOrder').selectOption('family-first');
		await page.locator('#field-title').fill('Chargé de coopération Asie');
		await page.locator('#field-titleValidFrom').fill('2024-02-30');
		await page.getByRole('button', { name: message('fr', 'person_add_submit') }).click();
		await expect(page.locator('#field-titleValidFrom-error')).toHaveText(message('fr', 'error_invalid_date'));
		await expect(page.locator('#field-givenName')).toHaveValue('Min-jun');
		await page.locator('#field-titleValidFrom').fill('2024-03-01');
		await page.getByRole('button', { name: message('fr', 'person_add_submit') }).click();
		await expect(page.getByRole('status')).toHaveText(message('fr', 'person_added', { name: 'PARK Min-jun' }));
		await expect(page.getByRole('rowheader', { name: 'PARK Min-jun' })).toBeVisible();

		const history = page.locator('section', { has: page.getByRole('heading', { name: message('fr', 'org_record_history') }) });
		await expect(history).toContainText(message('fr', 'org_record_person_added', { name: 'PARK Min-jun' }));
		await expect(history).toContainText('https://metropole.nantes.fr');
		await expect(history).toContainText('Louise COULON');
	});

	test('cannot edit another organisation: no form, and a forged post is refused', async ({ page }) => {
		await page.goto('/fr/groups/coree/members');
		await page.getByRole('link', { name: 'Dijon' }).click();
		await expect(page.getByText(message('fr', 'org_record_read_only'))).toBeVisible();
		await expect(page.getByText(message('fr', 'org_record_edit_heading'))).toHaveCount(0);
		const response = await page.request.post(`${page.url()}?/update`, {
			form: { kind: 'commune', countryCode: 'FR', nameFr: 'Dijon', website: 'https://evil.example' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(response.status()).toBe(403);
		await page.reload();
		await expect(page.getByRole('link', { name: 'https://evil.example' })).toHaveCount(0);
	});
});

test.describe('searching the directory', () => {
	test.use({ storageState: storageStateOf('member') });

	test('finds by Korean initial consonants and by a name typed without accents', async ({ page }) => {
		await page.goto('/ko/groups/coree/members');
		// ㄱㄹㄱ: the initial consonants of 구로구 (Guro-gu), Issy-les-Moulineaux's twin.
		await page.getByLabel(message('ko', 'search_label')).fill('ㄱㄹㄱ');
		await page.getByRole('button', { name: message('ko', 'search_submit') }).click();
		await expect(page).toHaveURL(/\/ko\/groups\/coree\/search\?q=/);
		await expect(page.getByRole('heading', { name: message('ko', 'search_organisations', { count: 1 }) })).toBeVisible();
		await expect(page.getByRole('link', { name: '서울특별시 구로구', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: message('ko', 'search_partnerships', { count: 1 }) })).toBeVisible();
		await expect(page.getByRole('link', { name: /이시레물리노 ↔ 서울특별시 구로구/ })).toBeVisible();

		await page.goto('/fr/groups/coree/search?q=region%20rhone');
		await expect(page.getByRole('link', { name: 'Région Auvergne-Rhône-Alpes' }).first()).toBeVisible();
		await page.goto('/fr/groups/coree/search?q=millan');
		await expect(page.getByText('Caroline MILLAN')).toBeVisible();
		await page.goto('/fr/groups/coree/search?q=zzzz');
		await expect(page.getByRole('status')).toHaveText(message('fr', 'search_no_results', { query: 'zzzz' }));
	});
});
