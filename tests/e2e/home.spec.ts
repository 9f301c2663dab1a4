/**
 * The group's home page and "my to-do" (issue 5 §7): a member opens the group and sees the next
 * meeting in Paris and Seoul time with its agenda, and their organisation's open action marked
 * overdue; the to-do lists that action, one click from where to follow it up.
 */
import { expect, test } from '@playwright/test';
import { MeetingPages } from './pages/meeting-pages';
import { message, storageStateOf } from './support/environment';

/** A calendar day in Paris, `days` from today ("2026-11-29"). */
function parisDay(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 24 * 3600_000));
}

test.describe('as the coordinator, then a member', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('a member sees the next meeting with both times and their organisation’s overdue action; the to-do lists it', async ({ page, browser }) => {
		// Tomorrow: sooner than every other meeting the browser tests schedule (all in 2027).
		const stamp = Date.now();
		const title = `Réunion d’accueil ${stamp}`;
		const agendaTitle = `Point sur le forum ${stamp}`;
		const actionText = `Envoyer la liste des visites ${stamp}`;
		const pages = new MeetingPages(page, 'fr');
		await page.goto('/fr/groups/coree/meetings/new');
		await pages.fillMeeting({ titleFr: title, date: parisDay(1), startTime: '09:00', endTime: '10:00', videoLink: 'https://visio.example.org/accueil' });
		await pages.submitNew();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const meetingPath = new URL(page.url()).pathname;
		await page.waitForLoadState('networkidle');
		await page.locator('#item-new-fr').fill(agendaTitle);
		await page.getByRole('button', { name: message('fr', 'meeting_agenda_add_submit') }).click();
		await expect(page.locator('.agenda')).toContainText(agendaTitle);

		// An action for Nantes Métropole, due two days ago: overdue.
		await page.goto(`${meetingPath}/minutes/edit`);
		const newAction = page.getByRole('group', { name: message('fr', 'minutes_new_action') });
		await newAction.getByLabel(/^Texte en français/).fill(actionText);
		await newAction.getByLabel(message('fr', 'minutes_owner_label')).selectOption({ label: 'Nantes Métropole' });
		await newAction.getByLabel(message('fr', 'minutes_due_label')).fill(parisDay(-2));
		await newAction.getByRole('button', { name: message('fr', 'minutes_add_action') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'minutes_saved_notice'));
		await page.getByRole('button', { name: message('fr', 'minutes_publish_submit') }).click();
		await expect(page.getByRole('status').first()).toContainText('Compte-rendu publié');

		// The coordinator's home says what waits on them.
		await page.goto('/fr/groups/coree');
		await expect(page.getByRole('heading', { name: message('fr', 'grouphome_waiting_heading') })).toBeVisible();

		const memberContext = await browser.newContext({ storageState: storageStateOf('member') });
		const member = await memberContext.newPage();
		await member.goto('/fr/groups/coree');
		await expect(member.getByRole('heading', { level: 1 })).toHaveText('Groupe-pays Corée');
		const next = member.locator('section', { has: member.getByRole('heading', { name: message('fr', 'grouphome_next_meeting_heading') }) });
		await expect(next.getByRole('link', { name: title })).toHaveAttribute('href', meetingPath);
		await expect(next).toContainText(`09:00–10:00 ${message('fr', 'zone_europe_paris')}`);
		await expect(next).toContainText(new RegExp(`(16|17):00–(17|18):00 ${message('fr', 'zone_asia_seoul')}`));
		await expect(next).toContainText(message('fr', 'meeting_format_video'));
		await expect(next.getByRole('listitem').filter({ hasText: agendaTitle })).toBeVisible();

		const actions = member.locator('section', { has: member.getByRole('heading', { name: message('fr', 'grouphome_actions_heading') }) });
		const row = actions.getByRole('row').filter({ hasText: actionText });
		await expect(row).toContainText(message('fr', 'actions_overdue'));
		await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', `${meetingPath}/minutes`);
		const minutes = member.locator('section', { has: member.getByRole('heading', { name: message('fr', 'grouphome_minutes_heading') }) });
		await expect(minutes.getByRole('link', { name: title })).toBeVisible();

		// My to-do, from the main navigation: the action, overdue, one click from the actions page.
		await member.getByRole('navigation', { name: message('fr', 'nav_main_label') }).getByRole('link', { name: message('fr', 'todo_nav') }).click();
		await expect(member.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'todo_title'));
		const item = member.getByRole('row').filter({ hasText: actionText });
		await expect(item).toContainText(message('fr', 'actions_overdue'));
		await expect(item).toContainText(message('fr', 'todo_action_meeting', { meeting: title }));
		await item.getByRole('link', { name: message('fr', 'todo_kind_action', { action: actionText }) }).click();
		await expect(member).toHaveURL(/\/fr\/groups\/coree\/actions$/);
		await expect(member.getByRole('row').filter({ hasText: actionText })).toBeVisible();
		await memberContext.close();
	});
});
