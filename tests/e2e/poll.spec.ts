/** The date poll of a forum (issue 5 §3): proposed, answered by a member, closed by the coordinator. */
import { expect, test } from '@playwright/test';
import { PollPage } from './pages/poll-pages';
import { message, storageStateOf } from './support/environment';
import { waitForMessageTo } from './support/outbox';

test.describe('as the coordinator, then a member', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('proposes dates with the holidays around them; a member answers; closing sets the forum dates and refuses later answers', async ({ page, browser }) => {
		const poll = new PollPage(page, 'fr');
		const title = `Forum du sondage ${Date.now()}`;
		const number = await poll.createForum(title);

		await poll.open(number);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${message('fr', 'poll_title')} — ${title}`);
		await expect(page.getByText(message('fr', 'poll_none'))).toBeVisible();
		// A closing time in the past is refused only when opening: first a draft, closing next year.
		const nextYear = new Date().getUTCFullYear() + 1;
		await poll.saveSettings({ closesDate: `${nextYear}-03-15`, closesTime: '18:00', closesTimezone: 'Europe/Paris' }, message('fr', 'poll_create_submit'));
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'poll_saved'));

		// A range ending before it starts is refused next to its field, with what was typed kept.
		await poll.addOption({ startsOn: '2027-09-26', endsOn: '2027-09-24', reasonFr: 'Après Chuseok' });
		await expect(page.locator('#field-endsOn-error')).toHaveText(message('fr', 'error_date_before_start'));
		await expect(poll.optionField('reasonFr')).toHaveValue('Après Chuseok');
		await poll.addOption({ startsOn: '2027-09-24', endsOn: '2027-09-26', reasonFr: 'Après Chuseok' });
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'poll_saved'));
		await poll.addOption({ startsOn: '2027-09-29', endsOn: '2027-10-01' });
		const options = page.getByTestId('poll-option');
		await expect(options).toHaveCount(2);
		await expect(options.nth(0)).toContainText('1er choix vendredi 24 – dimanche 26 septembre 2027');
		await expect(options.nth(0)).toContainText('Raison : Après Chuseok');
		await expect(options.nth(0)).toContainText(message('fr', 'poll_no_holiday'));
		// Korea's National Foundation Day falls on Sunday 3 October 2027, two days after the second option: Monday 4 is its substitute.
		await expect(options.nth(1)).toContainText('mercredi 29 septembre – vendredi 1 octobre 2027');
		await expect(options.nth(1).getByRole('listitem')).toHaveCount(2);
		await expect(options.nth(1).getByRole('listitem').nth(0)).toContainText('Corée');
		await expect(options.nth(1).getByRole('listitem').nth(1)).toContainText(message('fr', 'poll_holiday_substitute'));

		await page.getByRole('button', { name: message('fr', 'poll_open_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'poll_opened'));
		await expect(page.getByTestId('poll-closes')).toContainText(`15 mars ${nextYear}, 18:00 heure de Paris`);
		await expect(page.getByTestId('poll-closes')).toContainText(`16 mars ${nextYear}, 02:00 heure de Séoul`);

		const memberContext = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const member = await memberContext.newPage();
			const memberPoll = new PollPage(member, 'fr');
			await memberPoll.open(number);
			await expect(member.getByText(/Vous répondez pour : Nantes Métropole/)).toBeVisible();
			await memberPoll.choice(/^1er choix/, 'poll_choice_yes').check();
			await memberPoll.choice(/^2e choix/, 'poll_choice_no').check();
			await member.getByLabel(message('fr', 'poll_comment')).fill('Notre élue est disponible fin septembre');
			await memberPoll.submitAnswer();
			await expect(member.getByRole('status').first()).toHaveText(message('fr', 'poll_answer_saved'));
			const row = memberPoll.grid().getByRole('row', { name: /Nantes Métropole/ });
			await expect(row).toContainText('✓ Oui');
			await expect(row).toContainText('✗ Non');
			await expect(row).toContainText('Notre élue est disponible fin septembre');
			await expect(row).toContainText('Louise COULON');
			// The form stays filled with the organisation's answer.
			await expect(memberPoll.choice(/^1er choix/, 'poll_choice_yes')).toBeChecked();

			const since = new Date();
			await poll.open(number);
			await expect(poll.grid().getByRole('row', { name: /Nantes Métropole/ })).toContainText('✓ Oui');
			await poll.closeWith(/^1er choix/);
			await expect(page.getByRole('status').first()).toContainText('Sondage clos');
			await expect(page.getByTestId('poll-chosen')).toHaveText(message('fr', 'poll_chosen', { dates: 'vendredi 24 – dimanche 26 septembre 2027' }));
			// The forum's own page now gives its dates, local to Seoul.
			await page.getByRole('navigation', { name: message('fr', 'forum_nav_label') }).getByRole('link', { name: message('fr', 'forum_nav_overview') }).click();
			await expect(page.getByText('24–26 septembre 2027')).toBeVisible();
			// Every member is told, in their language.
			const email = await waitForMessageTo('member@demo.dari.test', since);
			expect(email.subject).toContain(title);
			expect(email.subject).toContain('vendredi 24 – dimanche 26 septembre 2027');

			// The member's page still shows the form: sending it now is refused, with the time it closed in their zone.
			await memberPoll.choice(/^2e choix/, 'poll_choice_yes').check();
			await memberPoll.submitAnswer();
			const refusal = member.getByTestId('poll-closed-message');
			await expect(refusal).toContainText(message('fr', 'poll_closed_since').split('{time}')[0].trim());
			await expect(refusal).toContainText('heure de Paris');
			await expect(memberPoll.grid().getByRole('row', { name: /Nantes Métropole/ })).toContainText('✗ Non');
		} finally {
			await memberContext.close();
		}
	});
});

test.describe('theme consultation, as the coordinator then a member', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('lists themes (a new one needs its three names), a member approves and ranks them, the coordinator sees the chart and publishes the summary', async ({ page, browser }) => {
		const poll = new PollPage(page, 'fr');
		const number = await poll.createForum(`Forum des thèmes ${Date.now()}`);
		await page.goto(`/fr/groups/coree/forums/${number}/consultation`);
		await page.waitForLoadState('load');
		await expect(page.getByText(message('fr', 'consultation_none'))).toBeVisible();
		const shared = page.getByLabel(message('fr', 'consultation_shared_theme'));
		for (const key of ['artificial-intelligence', 'sustainable-mobility']) {
			await shared.selectOption(key);
			await page.getByRole('button', { name: message('fr', 'consultation_add_theme_submit') }).click();
			await expect(page.getByRole('status').first()).toHaveText(message('fr', 'poll_saved'));
		}
		await page.getByLabel(message('fr', 'consultation_new_theme_fr')).fill('Économie bleue');
		await page.getByRole('button', { name: message('fr', 'consultation_add_theme_submit') }).click();
		await expect(page.locator('#field-labelKo-error')).toHaveText(message('fr', 'error_required'));
		await expect(page.getByLabel(message('fr', 'consultation_new_theme_fr'))).toHaveValue('Économie bleue');
		await page.getByLabel(message('fr', 'consultation_new_theme_ko')).fill('블루 이코노미');
		await page.getByLabel(message('fr', 'consultation_new_theme_en')).fill(`Blue economy ${number}`);
		await page.getByRole('button', { name: message('fr', 'consultation_add_theme_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'poll_saved'));
		await expect(page.getByRole('region', { name: message('fr', 'consultation_themes_heading') }).getByRole('listitem')).toHaveCount(3);

		const memberContext = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const member = await memberContext.newPage();
			await member.goto(`/fr/groups/coree/forums/${number}/consultation`);
			await member.waitForLoadState('load');
			await member.getByRole('checkbox', { name: 'Approuver Mobilité durable' }).check();
			await member.getByLabel('Rang de « Mobilité durable »').selectOption('1');
			await member.getByRole('checkbox', { name: 'Approuver Intelligence artificielle' }).check();
			await member.getByLabel('Rang de « Intelligence artificielle »').selectOption('2');
			await member.getByRole('button', { name: message('fr', 'poll_answer_submit') }).click();
			await expect(member.getByRole('status').first()).toHaveText(message('fr', 'poll_answer_saved'));
			await expect(member.getByRole('checkbox', { name: 'Approuver Mobilité durable' })).toBeChecked();
			await expect(member.getByRole('checkbox', { name: 'Approuver Économie bleue' })).not.toBeChecked();
			// Results are for the coordinator until the summary is published.
			await expect(member.getByTestId('theme-chart')).toHaveCount(0);

			await page.reload();
			await expect(page.getByRole('img', { name: /Thèmes par points de classement \(1 organisation/ })).toBeVisible();
			const table = page.getByTestId('theme-results-table');
			// Three themes: a 1st place earns 3 points, a 2nd 2.
			await expect(table.getByRole('row', { name: /Mobilité durable/ })).toContainText('3');
			await expect(table.getByRole('row', { name: /Intelligence artificielle/ })).toContainText('2');
			const publish = page.locator('form[action="?/publish"]');
			await expect(publish.getByRole('checkbox', { name: /Mobilité durable/ })).toBeChecked();
			await expect(publish.getByRole('checkbox', { name: /Économie bleue/ })).not.toBeChecked();
			await publish.getByRole('checkbox', { name: /Intelligence artificielle/ }).uncheck();
			await publish.getByLabel(message('fr', 'consultation_note_fr')).fill('La mobilité durable arrive en tête.');
			await page.getByRole('button', { name: message('fr', 'consultation_publish_submit') }).click();
			await expect(page.getByRole('status').first()).toHaveText(message('fr', 'consultation_published_notice'));

			await member.reload();
			const summary = member.getByTestId('consultation-summary');
			await expect(summary.getByRole('listitem')).toHaveText(['Mobilité durable']);
			await expect(summary).toContainText('La mobilité durable arrive en tête.');
			await expect(member.getByTestId('theme-chart')).toBeVisible();
			await expect(member.getByRole('button', { name: message('fr', 'poll_answer_submit') })).toHaveCount(0);
		} finally {
			await memberContext.close();
		}
	});
});
