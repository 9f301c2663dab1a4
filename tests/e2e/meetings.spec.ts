/** Meetings (issue 4 §1): scheduling in two time zones, invitations, answers. */
import { expect, test } from '@playwright/test';
import { MeetingPages } from './pages/meeting-pages';
import { message, storageStateOf } from './support/environment';
import { newestMessageTo } from './support/outbox';

/** The demo's upcoming meeting (meetings.demo.ts): 23 February 2027, 9:00 Paris time. */
const NEXT_MEETING = '00000000-0000-4000-a000-000000000002';
/** The demo meeting of the reference minutes: 27 February 2024, 9:00–10:00 Paris time, published. */
const DEMO_MEETING = '00000000-0000-4000-a000-000000000001';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('schedules a meeting, sees its time in Paris and in Seoul, and sends the invitations', async ({ page }) => {
		const pages = new MeetingPages(page, 'fr');
		await pages.openList();
		await page.getByRole('link', { name: message('fr', 'meeting_schedule_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'meeting_new_title'));
		await expect(pages.field('timezone')).toHaveValue('Europe/Paris');

		const title = `Réunion de printemps ${Date.now()}`;
		await pages.fillMeeting({ titleFr: title, date: '2027-05-11', startTime: '09:00', endTime: '08:30', videoLink: 'https://visio.example.org/printemps' });
		await pages.submitNew();
		// An end before the start is refused next to its field; what was typed stays.
		await expect(page.locator('#field-endTime-error')).toHaveText(message('fr', 'error_date_before_start'));
		await expect(pages.field('titleFr')).toHaveValue(title);

		await pages.field('endTime').fill('10:00');
		await pages.submitNew();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'meeting_created'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		// May: Paris on summer time (UTC+2), seven hours behind Seoul.
		await expect(pages.bothSides()).toHaveText('09:00–10:00 heure de Paris · 16:00–17:00 heure de Séoul');

		await page.getByRole('button', { name: message('fr', 'meeting_invitations_send') }).click();
		// At least the five demo people with an address (four accounts and Inssafe EL IDRISSI); other tests may add people.
		await expect(page.getByRole('status').first()).toHaveText(/^\d+ invitations envoyées\.$/);
		const invitation = newestMessageTo('member@demo.dari.test');
		expect(invitation?.subject).toBe(`Invitation : ${title}`);
		expect(invitation?.text).toContain('16:00–17:00 heure de Séoul');

		// The list shows it among the upcoming meetings, with both clocks.
		await pages.openList();
		const row = page.getByRole('row', { name: new RegExp(title) });
		await expect(row).toContainText('09:00–10:00 heure de Paris');
		await expect(row).toContainText('16:00–17:00 heure de Séoul');
	});
});

test.describe('as the coordinator, refusals', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('cannot remove an agenda item the minutes still hold entries under: told so by the item', async ({ page }) => {
		const pages = new MeetingPages(page, 'fr');
		await pages.openMeeting(DEMO_MEETING);
		await page.getByRole('button', { name: message('fr', 'meeting_agenda_remove', { number: 1 }) }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(message('fr', 'meeting_agenda_remove_has_minutes', { number: 1 }));
		await expect(alert.getByRole('link', { name: message('fr', 'meeting_agenda_remove_minutes_link') })).toBeVisible();
		// Nothing was removed.
		await pages.openMeeting(DEMO_MEETING);
		await expect(page.locator('.agenda > li')).toHaveCount(3);
	});

	test('a next meeting from an unknown previous one: 404 on the page, a visible notice on a sent form', async ({ page }) => {
		const unknown = '00000000-0000-4000-a000-000000000999';
		expect((await page.goto(`/fr/groups/coree/meetings/new?from=${unknown}`))?.status()).toBe(404);
		const pages = new MeetingPages(page, 'fr');
		await page.goto('/fr/groups/coree/meetings/new');
		const title = `Réunion suivante ${Date.now()}`;
		await pages.fillMeeting({ titleFr: title, date: '2027-06-08', startTime: '09:00', endTime: '10:00', videoLink: 'https://visio.example.org/juin' });
		await page.locator('input[name="previousMeetingId"]').evaluate((input: HTMLInputElement, id) => (input.value = id), unknown);
		await pages.submitNew();
		await expect(page.getByRole('alert')).toHaveText(message('fr', 'meeting_previous_unknown'));
		await expect(pages.field('titleFr')).toHaveValue(title);
		await pages.submitNew();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('answers "attending" from the meeting page', async ({ page }) => {
		const pages = new MeetingPages(page, 'fr');
		await pages.openMeeting(NEXT_MEETING);
		await expect(pages.bothSides()).toHaveText('09:00–10:00 heure de Paris · 17:00–18:00 heure de Séoul');
		// A member does not schedule, nor send invitations.
		await expect(page.getByRole('button', { name: message('fr', 'meeting_invitations_send') })).toHaveCount(0);
		await page.getByRole('button', { name: message('fr', 'meeting_answer_attending') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'meeting_answer_saved'));
		await expect(page.getByText(message('fr', 'meeting_answer_current', { answer: message('fr', 'meeting_response_attending') }))).toBeVisible();
		// Their own zone, chosen without script; kept for the next pages.
		await page.getByLabel(message('fr', 'meeting_zone_choose_label')).selectOption('America/New_York');
		await page.getByRole('button', { name: message('fr', 'meeting_zone_choose_submit') }).click();
		await expect(page.getByText('mardi 23 février 2027, 03:00–04:00 America/New York (UTC−5)')).toBeVisible();
		// The same three readings on the list, the minutes and the decisions page.
		await pages.openList();
		await expect(page.getByRole('columnheader', { name: message('fr', 'meeting_column_other_zones') }).first()).toBeVisible();
		await expect(page.getByRole('row', { name: /Réunion du groupe-pays Corée/ }).filter({ hasText: '17:00–18:00 heure de Séoul' }).first()).toContainText('03:00–04:00 America/New York (UTC−5)');
		await page.goto(`/fr/groups/coree/meetings/${DEMO_MEETING}/minutes`);
		await expect(page.getByText('09:00–10:00 heure de Paris · 17:00–18:00 heure de Séoul · 03:00–04:00 America/New York (UTC−5)')).toBeVisible();
		await expect(page.getByText(/Publié le .* heure de Paris · .* heure de Séoul/)).toBeVisible();
		await page.goto('/fr/groups/coree/actions?status=all');
		await expect(page.getByText(/heure de Séoul · 03:00 America\/New York \(UTC−5\)/).first()).toBeVisible();
		// The calendar file: the same event as the invitations, with its zone.
		const calendar = await page.request.get(`/fr/groups/coree/meetings/${NEXT_MEETING}/calendar.ics`);
		expect(calendar.headers()['content-type']).toContain('text/calendar');
		const text = await calendar.text();
		expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
		expect(text).toContain('DTSTART;TZID=Europe/Paris:20270223T090000');
		expect(text).toContain(`UID:meeting-${NEXT_MEETING}@`);
		const response = await page.goto('/fr/groups/coree/meetings/new');
		expect(response?.status()).toBe(403);
	});
});
