/** Minutes (issue 4 §3, §5, §6): written per agenda item in two languages, published, followed up. */
import { expect, test } from '@playwright/test';
import { MeetingPages } from './pages/meeting-pages';
import { message, storageStateOf } from './support/environment';
import { newestMessageTo } from './support/outbox';

/** The demo meeting of the reference minutes (meetings.demo.ts), published, written in French. */
const DEMO_MEETING = '00000000-0000-4000-a000-000000000001';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('writes minutes with a decision and an action, publishes them, finds the action on the decisions page; a member reads them in Korean and in both', async ({ page, browser }) => {
		const pages = new MeetingPages(page, 'fr');
		const stamp = Date.now();
		const title = `Réunion du compte-rendu ${stamp}`;
		await page.goto('/fr/groups/coree/meetings/new');
		await pages.fillMeeting({ titleFr: title, date: '2027-06-15', startTime: '09:00', endTime: '10:00', videoLink: 'https://visio.example.org/cr' });
		await pages.submitNew();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const meetingPath = new URL(page.url()).pathname;
		// Once seen failing under load with nothing added: let the page finish loading (and hydrating)
		// before typing, so the typed title cannot be reset under the test's hands.
		await page.waitForLoadState('networkidle');

		await page.locator('#item-new-fr').fill('Forum franco-coréen');
		await page.getByRole('button', { name: message('fr', 'meeting_agenda_add_submit') }).click();
		await expect(page.locator('.agenda')).toContainText('Forum franco-coréen');

		await page.goto(`${meetingPath}/minutes/edit`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${message('fr', 'minutes_edit_title')} — ${title}`);

		// A decision without text is refused next to the original language's field.
		const newDecision = page.getByRole('group', { name: message('fr', 'minutes_new_decision') });
		await newDecision.getByRole('button', { name: message('fr', 'minutes_add_decision') }).click();
		await expect(page.getByRole('alert').first()).toHaveText(message('fr', 'error_form_has_errors'));
		await expect(newDecision.locator('.field-error')).toHaveText(message('fr', 'error_required'));

		const decisionFr = `Les thèmes du forum sont approuvés ${stamp}.`;
		const decisionKo = `포럼 주제가 승인되었습니다 ${stamp}.`;
		await newDecision.getByLabel(/^Texte en français/).fill(decisionFr);
		await newDecision.getByLabel(/^Texte en coréen/).fill(decisionKo);
		await newDecision.getByRole('button', { name: message('fr', 'minutes_add_decision') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'minutes_saved_notice'));

		// An action with a badly written due date keeps what was typed and says what is wrong.
		const actionText = `Confirmer la participation au forum ${stamp}`;
		let newAction = page.getByRole('group', { name: message('fr', 'minutes_new_action') });
		await newAction.getByLabel(/^Texte en français/).fill(actionText);
		await newAction.getByLabel(message('fr', 'minutes_owner_label')).selectOption({ label: 'Nantes Métropole' });
		await newAction.getByLabel(message('fr', 'minutes_due_label')).fill('2027-02-30');
		await newAction.getByRole('button', { name: message('fr', 'minutes_add_action') }).click();
		newAction = page.getByRole('group', { name: message('fr', 'minutes_new_action') });
		await expect(newAction.locator('.field-error')).toHaveText(message('fr', 'error_invalid_date'));
		await expect(newAction.getByLabel(/^Texte en français/)).toHaveValue(actionText);
		await newAction.getByLabel(message('fr', 'minutes_due_label')).fill('2027-07-01');
		await newAction.getByRole('button', { name: message('fr', 'minutes_add_action') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'minutes_saved_notice'));

		await page.getByRole('button', { name: message('fr', 'minutes_publish_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(/^Compte-rendu publié : \d+ destinataires prévenus par e-mail\.$/);
		const notice = newestMessageTo('member@demo.dari.test');
		expect(notice?.subject).toBe(message('fr', 'minutes_email_subject', { meeting: title, group: 'Groupe-pays Corée' }));
		expect(notice?.text).toContain(`/fr${meetingPath.replace(/^\/fr/, '')}/minutes`);

		// The decisions and actions page lists the action with its meeting, and the decision.
		await page.goto('/fr/groups/coree/actions');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'actions_title'));
		const row = page.getByRole('row').filter({ hasText: actionText });
		await expect(row).toContainText(title);
		await expect(row).toContainText('Nantes Métropole');
		await expect(row).toContainText('1 juillet 2027');
		await expect(page.getByText(decisionFr)).toBeVisible();
		// Done: it leaves the open list and is found among the done ones.
		await row.getByLabel(/^Nouvel état/).selectOption('done');
		await row.getByRole('button', { name: message('fr', 'actions_change_status_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'actions_status_changed'));
		await expect(page.getByRole('row').filter({ hasText: actionText })).toHaveCount(0);
		await page.goto('/fr/groups/coree/actions?status=done');
		await expect(page.getByRole('row').filter({ hasText: actionText })).toContainText(message('fr', 'minutes_action_status_done'));

		// A member reads the published minutes in Korean, then both side by side.
		const memberContext = await browser.newContext({ storageState: storageStateOf('member') });
		const member = await memberContext.newPage();
		await member.goto(`/ko${meetingPath.replace(/^\/fr/, '')}/minutes?lang=ko`);
		await expect(member.getByText(decisionKo)).toHaveAttribute('lang', 'ko');
		await expect(member.getByText(decisionFr)).toHaveCount(0);
		await member.getByLabel(message('ko', 'minutes_read_both')).check();
		await member.getByRole('button', { name: message('ko', 'minutes_read_submit') }).click();
		await expect(member).toHaveURL(/lang=both/);
		await expect(member.getByText(decisionKo)).toHaveAttribute('lang', 'ko');
		await expect(member.getByText(decisionFr)).toHaveAttribute('lang', 'fr');
		// The action's status change was kept as version 2 of the published minutes.
		await expect(member.getByRole('link', { name: /^버전 1 —/ })).toBeVisible();
		await expect(member.getByRole('link', { name: /^버전 2 —/ })).toBeVisible();
		await member.getByRole('link', { name: /^버전 1 —/ }).click();
		await expect(member.getByRole('status').first()).toContainText('읽기 전용');
		// No editing for members.
		expect((await member.goto(`/fr${meetingPath.replace(/^\/fr/, '')}/minutes/edit`))?.status()).toBe(403);
		await memberContext.close();
	});

	test('writes the organisation a speaker is shown with, instead of the one of the meeting’s day; the reader shows it', async ({ page }) => {
		const pages = new MeetingPages(page, 'fr');
		const stamp = Date.now();
		await page.goto('/fr/groups/coree/meetings/new');
		// A new meeting is proposed in the group's default zone.
		await expect(page.getByLabel(message('fr', 'meeting_field_timezone'))).toHaveValue('Europe/Paris');
		await pages.fillMeeting({ titleFr: `Réunion des organisations ${stamp}`, date: '2027-09-14', startTime: '09:00', endTime: '10:00', videoLink: 'https://visio.example.org/org' });
		await pages.submitNew();
		const meetingPath = new URL(page.url()).pathname;
		await page.waitForLoadState('networkidle');
		await page.locator('#item-new-fr').fill('Tour de table');
		await page.getByRole('button', { name: message('fr', 'meeting_agenda_add_submit') }).click();
		await expect(page.locator('.agenda')).toContainText('Tour de table');

		await page.goto(`${meetingPath}/minutes/edit`);
		const intervention = page.getByRole('group', { name: message('fr', 'minutes_new_intervention') });
		await intervention.getByLabel(message('fr', 'minutes_speaker_name_label')).fill('Jean INVITÉ');
		await intervention.getByLabel(message('fr', 'minutes_organisation_override_label')).fill(`Ville de Passage ${stamp}`);
		await intervention.getByLabel(/^Texte en français/).fill('Merci pour l’invitation.');
		await intervention.getByRole('button', { name: message('fr', 'minutes_add_intervention') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'minutes_saved_notice'));
		await expect(page.getByLabel(message('fr', 'minutes_organisation_override_label')).first()).toHaveValue(`Ville de Passage ${stamp}`);

		await page.goto(`${meetingPath}/minutes`);
		await expect(page.getByText(`Jean INVITÉ, Ville de Passage ${stamp}`)).toBeVisible();
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('reads the demo minutes in Korean: the French original is shown, marked as not translated', async ({ page }) => {
		await page.goto(`/ko/groups/coree/meetings/${DEMO_MEETING}/minutes?lang=ko`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(message('ko', 'minutes_title'));
		await expect(page.getByText(message('ko', 'minutes_not_translated', { language: message('ko', 'minutes_language_name_fr') })).first()).toBeVisible();
		await expect(page.getByText(/Les collectivités territoriales présentes ont toutes exprimé leur intérêt/)).toHaveAttribute('lang', 'fr');
	});

	test('does not find a draft’s minutes', async ({ page }) => {
		const response = await page.goto('/fr/groups/coree/meetings/00000000-0000-4000-a000-000000000002/minutes');
		expect(response?.status()).toBe(404);
	});
});
