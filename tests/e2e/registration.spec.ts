/** Registrations of interest (issue 5 §5–6): a deadline, a delegation with ranked choices, refusal after the deadline. */
import { expect, test } from '@playwright/test';
import { ForumPages } from './pages/forum-pages';
import { RegistrationPages } from './pages/registration-pages';
import { message, ORIGIN, storageStateOf } from './support/environment';
import { waitForMessageTo } from './support/outbox';

test.describe('a registration before the deadline', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('the coordinator opens registrations (a past deadline refused); a member registers a delegation with ranked choices; the dashboard and export show it; a personal link lets a person without an account change it and answer the date poll; a conflicting save loses no delegate', async ({ page, browser }) => {
		// One story through five browser contexts: given three times the usual time, for a loaded machine.
		test.slow();
		// A forum of our own, numbered far from the other tests' editions.
		const number = String(500 + Math.floor(Math.random() * 400));
		const newcomer = `DELEGUE${number}`;
		const forums = new ForumPages(page, 'fr');
		await page.goto('/fr/groups/coree/forums/new');
		await page.waitForLoadState('load');
		await forums.fillEdition({ number, titleFr: `Forum des inscriptions ${number}`, hostCountry: 'KR' });
		await page.getByRole('button', { name: message('fr', 'forum_create_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'forum_created'));

		const coordinator = new RegistrationPages(page, 'fr');
		await coordinator.openDashboard(number);
		await coordinator.openRegistrations({ date: '2020-03-15', time: '23:59', zone: 'Asia/Seoul' });
		await expect(page.locator('#field-deadlineDate-error')).toHaveText(message('fr', 'registration_deadline_in_past_error'));
		await expect(page.locator('[name="deadlineDate"]')).toHaveValue('2020-03-15');
		await coordinator.openRegistrations({ date: '2030-03-15', time: '23:59', zone: 'Asia/Seoul', reminders: '7, 2' });
		await expect(page.getByRole('status').first()).toContainText('15 mars 2030, 23:59 heure de Séoul');
		// In Paris and in Seoul, with the time left.
		await expect(page.getByTestId('registration-deadline')).toHaveText('15 mars 2030, 15:59 heure de Paris · 15 mars 2030, 23:59 heure de Séoul');
		await expect(page.getByTestId('registration-time-left')).toHaveText(/^Il reste \d+ j \d+ h\.$/);

		const memberContext = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const member = await memberContext.newPage();
			const pages = new RegistrationPages(member, 'fr');
			await pages.openForm(number);
			await expect(member.getByTestId('registration-organisation')).toHaveText(message('fr', 'registration_for_organisation', { organisation: 'Nantes Métropole' }));
			await member.getByRole('radio', { name: message('fr', 'registration_interest_yes'), exact: true }).check();
			await member.getByLabel('Louise COULON', { exact: true }).check();
			await member.getByLabel(message('fr', 'registration_head_label', { name: 'Louise COULON' })).check();
			await pages.choice(1, 'Louise COULON').selectOption({ label: 'Intelligence artificielle' });
			await pages.choice(2, 'Louise COULON').selectOption({ label: 'Culture, tourisme, gastronomie' });
			await pages.field('new-0-givenName').fill('Paul');
			await pages.field('new-0-email').fill(`paul.${number}@nantes.test`);
			await pages.choice(1, message('fr', 'registration_new_person', { number: 1 })).selectOption({ label: 'Gestion des déchets' });
			await pages.field('needsInterpretation').check();
			await pages.field('expectations').fill('Rencontrer des métropoles coréennes.');
			await pages.save();
			// A new person without a family name is refused by the field; everything typed stays.
			await expect(member.locator('#field-new-0-familyName-error')).toHaveText(message('fr', 'error_required'));
			await expect(pages.field('new-0-givenName')).toHaveValue('Paul');
			await expect(pages.choice(2, 'Louise COULON')).toHaveValue('theme:culture-tourism-gastronomy');
			await expect(pages.field('expectations')).toHaveValue('Rencontrer des métropoles coréennes.');

			const before = new Date();
			await pages.field('new-0-familyName').fill(newcomer);
			await pages.save();
			await expect(member.getByTestId('registration-saved')).toHaveText(message('fr', 'registration_saved_notice', { version: 1 }));
			// Saved as typed: the newcomer is now a person of the directory, ticked, with their choice.
			await expect(member.getByLabel(`Paul ${newcomer}`, { exact: true })).toBeChecked();
			await expect(member.getByLabel('Louise COULON', { exact: true })).toBeChecked();
			await expect(pages.choice(1, `Paul ${newcomer}`)).toHaveValue('theme:waste-management');
			await expect(pages.choice(1, 'Louise COULON')).toHaveValue('theme:artificial-intelligence');
			await expect(member.getByLabel(message('fr', 'registration_head_label', { name: 'Louise COULON' }))).toBeChecked();
			const confirmation = await waitForMessageTo('member@demo.dari.test', before);
			expect(confirmation.subject).toBe(`Inscription enregistrée : Forum des inscriptions ${number}`);
			expect(confirmation.text).toContain(`Paul ${newcomer}`);
			expect(confirmation.text).toContain('1. Intelligence artificielle ; 2. Culture, tourisme, gastronomie');
		} finally {
			await memberContext.close();
		}

		await coordinator.openDashboard(number);
		const row = page.getByRole('row', { name: /Nantes Métropole/ });
		await expect(row).toContainText(message('fr', 'registration_interest_yes'));
		await expect(row).toContainText('Louise COULON');
		await expect(row).toContainText(message('fr', 'registration_needs_interpretation'));
		await expect(page.getByRole('row', { name: /Dijon/ })).toContainText(message('fr', 'registration_not_answered'));
		const csv = await page.request.get(`${coordinator.path(number, 'registrations')}/export.csv`);
		expect(csv.status()).toBe(200);
		const text = await csv.text();
		expect(text).toContain(`Nantes Métropole,Intéressé,Paul ${newcomer},paul.${number}@nantes.test,false,Gestion des déchets`);
		expect(text).toContain('Nantes Métropole,Intéressé,Louise COULON,,true,Intelligence artificielle,"Culture, tourisme, gastronomie"');

		// The forum's date poll, open: the personal link answers it too.
		await page.goto(`/fr/groups/coree/forums/${number}/poll`);
		await page.waitForLoadState('load');
		await page.getByRole('button', { name: message('fr', 'poll_create_submit') }).click();
		const optionForm = page.locator('form[action="?/addOption"]');
		await optionForm.locator('[name="startsOn"]').fill('2030-09-24');
		await optionForm.locator('[name="endsOn"]').fill('2030-09-26');
		await optionForm.getByRole('button').click();
		await page.getByRole('button', { name: message('fr', 'poll_open_submit') }).click();
		await expect(page.getByRole('button', { name: message('fr', 'poll_open_submit') })).toHaveCount(0);
		await coordinator.openDashboard(number);

		// A personal link for Paul, who has no account: it opens Nantes's registration without signing in.
		const linkForm = row.locator('form[action="?/link"]');
		await linkForm.getByRole('combobox').selectOption({ label: `Paul ${newcomer}` });
		const sentAt = new Date();
		await linkForm.getByRole('button', { name: message('fr', 'registration_send_link') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'registration_link_sent_notice', { email: `paul.${number}@nantes.test` }));
		const mail = await waitForMessageTo(`paul.${number}@nantes.test`, sentAt);
		const link = /https?:\/\/[^\s]+\/fr\/links\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
		expect(link).toBeTruthy();
		const guestContext = await browser.newContext();
		try {
			const guest = await guestContext.newPage();
			await guest.goto(new URL(link!).pathname);
			await guest.waitForLoadState('load');
			await expect(guest.getByTestId('personal-link-intro')).toContainText(`Paul ${newcomer}`);
			await expect(guest.getByTestId('personal-link-intro')).toContainText('Nantes Métropole');
			await expect(guest.getByLabel('Louise COULON', { exact: true })).toBeChecked();
			await guest.getByRole('radio', { name: message('fr', 'registration_interest_maybe'), exact: true }).check();
			await guest.getByRole('button', { name: message('fr', 'registration_save') }).click();
			await expect(guest.getByTestId('registration-saved')).toHaveText(message('fr', 'registration_saved_notice', { version: 2 }));
			await expect(guest.getByRole('radio', { name: message('fr', 'registration_interest_maybe'), exact: true })).toBeChecked();
			const poll = guest.getByRole('region', { name: message('fr', 'poll_title') });
			await poll.getByRole('radio', { name: message('fr', 'poll_choice_if_need_be') }).check();
			await poll.getByRole('button', { name: message('fr', 'poll_answer_submit') }).click();
			await expect(guest.getByRole('status').first()).toHaveText(message('fr', 'poll_answer_saved'));
			await expect(guest.getByRole('region', { name: message('fr', 'poll_title') }).getByRole('radio', { name: message('fr', 'poll_choice_if_need_be') })).toBeChecked();
		} finally {
			await guestContext.close();
		}

		// Two people of Nantes with the form open at once: the second save is told, sees both versions, loses no one.
		const conflictContext = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const [first, second] = [await conflictContext.newPage(), await conflictContext.newPage()];
			await new RegistrationPages(first, 'fr').openForm(number);
			await new RegistrationPages(second, 'fr').openForm(number);
			const firstForm = new RegistrationPages(first, 'fr');
			await firstForm.field('new-0-givenName').fill('Anne');
			await firstForm.field('new-0-familyName').fill(`SECONDE${number}`);
			await firstForm.save();
			await expect(first.getByTestId('registration-saved')).toHaveText(message('fr', 'registration_saved_notice', { version: 3 }));
			await second.getByRole('radio', { name: message('fr', 'registration_interest_no'), exact: true }).check();
			await new RegistrationPages(second, 'fr').save();
			await expect(second.getByTestId('registration-conflict')).toHaveText(message('fr', 'registration_conflict_notice', { version: 3 }));
			await expect(second.getByRole('region', { name: message('fr', 'registration_stored_version_heading') })).toContainText(`Anne SECONDE${number}`);
			// What they typed is kept, and the delegate saved meanwhile is in their form.
			await expect(second.getByRole('radio', { name: message('fr', 'registration_interest_no'), exact: true })).toBeChecked();
			await expect(second.getByLabel(`Anne SECONDE${number}`, { exact: true })).toBeChecked();
			await new RegistrationPages(second, 'fr').save();
			await expect(second.getByTestId('registration-saved')).toHaveText(message('fr', 'registration_saved_notice', { version: 4 }));
			await expect(second.getByLabel(`Anne SECONDE${number}`, { exact: true })).toBeChecked();
			await expect(second.getByLabel(`Paul ${newcomer}`, { exact: true })).toBeChecked();
		} finally {
			await conflictContext.close();
		}
	});
});

test.describe('after the deadline', () => {
	test.use({ storageState: storageStateOf('member') });

	test('a member reads the closed registration of the 2nd forum and the server refuses a save, naming the deadline', async ({ page }) => {
		const pages = new RegistrationPages(page, 'fr');
		await pages.openForm(2);
		await expect(page.getByTestId('registration-closed')).toContainText('15 mars 2024, 23:59 heure de Paris');
		await expect(page.getByTestId('registration-read-only')).toHaveText(message('fr', 'registration_read_only_notice'));
		await expect(page.getByRole('button', { name: message('fr', 'registration_save') })).toHaveCount(0);
		// Whatever the page shows, the server refuses a form sent anyway (as a browser without script would).
		const response = await page.request.post(pages.path(2, 'registration'), { form: { version: '0', interest: 'yes' }, headers: { origin: ORIGIN, accept: 'text/html' } });
		expect(response.status()).toBe(403);
		const body = await response.text();
		// The refusal names the deadline in the member's zone (Paris for a French page).
		const refusal = /data-testid="registration-refused"[^>]*>([^<]*)</.exec(body)?.[1] ?? '';
		expect(refusal.replace(/&#39;|&#x27;/g, "'")).toBe(message('fr', 'registration_deadline_passed_error', { deadline: '15 mars 2024, 23:59 heure de Paris' }));
	});

	test('an unknown personal link is a clear 404 page', async ({ page }) => {
		const response = await page.goto(`/fr/links/${'x'.repeat(43)}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'registration_link_unknown_title'));
		await expect(page.getByText(message('fr', 'registration_link_unknown_text'))).toBeVisible();
	});
});
