/** People and their titles with dates (issue 3 §3), kept by the members of their organisation. */
import { expect, test } from '@playwright/test';
import { PersonPage } from './pages/person-page';
import { message, storageStateOf } from './support/environment';

test.describe('a member keeps the people of their organisation current', () => {
	test.use({ storageState: storageStateOf('member') });

	test('adds a dated title to a person of Nantes Métropole, sees it with its dates, edits it, removes another after confirming', async ({ page }) => {
		const person = new PersonPage(page, 'fr');
		await person.openFromGroup('Nantes Métropole', 'Louise COULON');

		// An end before the start is refused next to the field, with what was typed kept.
		await person.addTitle({ title: 'Chargée de mission Corée', validFrom: '2024-03-01', validTo: '2024-02-01' });
		await expect(page.locator('#field-new-validTo-error')).toHaveText(message('fr', 'error_date_before_start'));
		await expect(page.locator('#field-new-title')).toHaveValue('Chargée de mission Corée');

		await person.addTitle({ title: 'Chargée de mission Corée', validFrom: '2024-03-01' });
		await expect(person.status()).toHaveText(message('fr', 'title_added'));
		await expect(person.titles().first()).toContainText('Chargée de mission Corée');
		await expect(person.titles().first()).toContainText(message('fr', 'title_dates_since', { from: person.day('2024-03-01') }));
		await expect(person.titles().first()).toContainText(message('fr', 'title_status_current'));

		// A past title comes after today's.
		await person.addTitle({ title: 'Stagiaire, relations internationales', validFrom: '2022-09-01', validTo: '2023-02-28' });
		await expect(person.titles()).toHaveCount(2);
		await expect(person.titles().nth(1)).toContainText(message('fr', 'title_dates_between', { from: person.day('2022-09-01'), to: person.day('2023-02-28') }));
		await expect(person.titles().nth(1)).toContainText(message('fr', 'title_status_past'));

		// Editing a title.
		await page.getByRole('link', { name: message('fr', 'title_edit_named', { title: 'Chargée de mission Corée' }) }).click();
		await page.locator('#field-edit-title').fill('Chargée de mission Corée et Japon');
		await page.getByRole('button', { name: message('fr', 'title_update_submit') }).click();
		await expect(person.status()).toHaveText(message('fr', 'title_updated'));
		await expect(person.titles().first()).toContainText('Chargée de mission Corée et Japon');

		// Removing one asks first, on the page itself (a link, then a form: no JavaScript needed).
		await page.getByRole('link', { name: message('fr', 'title_remove_named', { title: 'Stagiaire, relations internationales' }) }).click();
		await expect(page.getByText(message('fr', 'title_remove_confirm', { title: 'Stagiaire, relations internationales' }))).toBeVisible();
		await expect(person.titles()).toHaveCount(2);
		await page.getByRole('button', { name: message('fr', 'title_remove_confirm_submit') }).click();
		await expect(person.status()).toHaveText(message('fr', 'title_removed'));
		await expect(person.titles()).toHaveCount(1);

		// The history says who did what; the organisation's page shows the title with its dates.
		const history = page.locator('section', { has: page.locator('#history-heading') });
		await expect(history).toContainText('Louise COULON');
		await expect(history).toContainText('Stagiaire, relations internationales [fr] 2022-09-01 – 2023-02-28');
		await page.getByRole('link', { name: message('fr', 'title_back_to_organisation', { name: 'Nantes Métropole' }) }).click();
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Louise COULON' }) });
		await expect(row).toContainText('Chargée de mission Corée et Japon');
		await expect(row).toContainText(message('fr', 'title_dates_since', { from: person.day('2024-03-01') }));
		await expect(page.locator('section', { has: page.locator('#history-heading') })).toContainText(message('fr', 'title_history_person_changed', { name: 'Louise COULON' }));
	});

	test('edits a person: an e-mail another person already has is refused by field, values kept', async ({ page }) => {
		const person = new PersonPage(page, 'fr');
		await person.openFromGroup('Nantes Métropole', 'Louise COULON');
		await page.getByText(message('fr', 'title_edit_person_named', { name: 'Louise COULON' })).click();
		await page.locator('#field-email').fill('service-international-crisis@cites-unies-france.org');
		await page.locator('#field-phone').fill('+33 2 40 99 48 48');
		await page.getByRole('button', { name: message('fr', 'title_person_save') }).click();
		await expect(page.locator('#field-email-error')).toHaveText(message('fr', 'title_error_email_used'));
		await expect(page.locator('#field-phone')).toHaveValue('+33 2 40 99 48 48');

		// Saved without an address, as she had none: other tests (the date poll, registrations) expect
		// her e-mail at her account's address, and every test shares the demo server.
		await page.locator('#field-email').fill('');
		await page.getByRole('button', { name: message('fr', 'title_person_save') }).click();
		await expect(person.status()).toContainText(message('fr', 'person_phone'));
		await expect(page.getByRole('link', { name: '+33 2 40 99 48 48' })).toBeVisible();
	});

	test('cannot edit a person of another organisation: no form, and a forged post is refused', async ({ page }) => {
		const person = new PersonPage(page, 'fr');
		await person.openFromGroup('Dijon', 'Bertrand FORT');
		await expect(page.getByText(message('fr', 'title_person_read_only'))).toBeVisible();
		await expect(page.getByText(message('fr', 'title_add_heading'))).toHaveCount(0);
		await expect(page.getByRole('button', { name: message('fr', 'title_person_save') })).toHaveCount(0);
		const origin = new URL(page.url()).origin;
		const added = await page.request.post(`${page.url()}?/addTitle`, { form: { title: 'Maire', language: 'fr', validFrom: '2020-07-03' }, headers: { origin } });
		expect(added.status()).toBe(403);
		const edited = await page.request.post(`${page.url()}?/update`, { form: { givenName: 'Bertrand', familyName: 'FAUX' }, headers: { origin } });
		expect(edited.status()).toBe(403);
		await page.reload();
		await expect(person.titles()).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bertrand FORT');
	});
});
