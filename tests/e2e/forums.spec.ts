/** Forum editions and their programme (issue 5 §1–2). */
import { expect, test } from '@playwright/test';
import { ForumPages } from './pages/forum-pages';
import { message, storageStateOf } from './support/environment';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('creates an edition in Korea, adds a programme item, sees its time in Seoul and in Paris; a member then reads it', async ({ page, browser }) => {
		const pages = new ForumPages(page, 'fr');
		await pages.openList();
		await page.getByRole('link', { name: message('fr', 'forum_new_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'forum_new_title'));
		const number = await pages.editionField('number').inputValue();
		expect(Number(number)).toBeGreaterThanOrEqual(3);

		const title = `Forum de test ${Date.now()}`;
		await pages.fillEdition({ titleFr: title, hostCountry: 'KR', startsOn: '2027-09-16', endsOn: '2027-09-14', status: 'programme-published' });
		await page.getByRole('button', { name: message('fr', 'forum_create_submit') }).click();
		// An end before the start is refused next to its field; what was typed stays.
		await expect(page.locator('#field-endsOn-error')).toHaveText(message('fr', 'error_date_before_start'));
		await expect(pages.editionField('titleFr')).toHaveValue(title);

		await pages.fillEdition({ startsOn: '2027-09-14', endsOn: '2027-09-16' });
		await page.getByRole('button', { name: message('fr', 'forum_create_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'forum_created'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		// Korea's zone by default; the dates are local to it.
		await expect(page.getByText('Asia/Seoul')).toBeVisible();
		await expect(page.getByText('14–16 septembre 2027 · heure de Séoul')).toBeVisible();

		await page.getByRole('navigation', { name: message('fr', 'forum_nav_label') }).getByRole('link', { name: message('fr', 'forum_nav_programme'), exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${message('fr', 'forum_programme_title')} — ${message('fr', 'forum_ordinal', { number })}`);
		await page.waitForLoadState('load');
		await expect(pages.itemField('startDate')).toHaveValue('2027-09-14');
		await pages.fillItem({ kind: 'field-visit', titleFr: 'Visite du centre IA de Séoul', startTime: '10:00', endTime: '11:30', capacity: '-1' });
		await page.getByLabel('Intelligence artificielle').check();
		await pages.submitItem();
		await expect(page.locator('#item-capacity-error')).toHaveText(message('fr', 'error_invalid_number'));
		await expect(pages.itemField('titleFr')).toHaveValue('Visite du centre IA de Séoul');
		await expect(page.getByLabel('Intelligence artificielle')).toBeChecked();

		await pages.itemField('capacity').fill('15');
		await pages.submitItem();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'forum_item_added'));
		const day = pages.day('mardi 14 septembre 2027');
		const row = day.getByRole('row', { name: /Visite du centre IA de Séoul/ });
		// September: Paris on summer time (UTC+2), seven hours behind Seoul.
		await expect(row).toContainText('10:00–11:30 heure de Séoul');
		await expect(row).toContainText('03:00–04:30 heure de Paris');
		await expect(row).toContainText('15 places');
		await expect(row).toContainText('Thèmes : Intelligence artificielle');

		const memberContext = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const member = await memberContext.newPage();
			await new ForumPages(member, 'fr').openProgramme(number);
			const memberRow = member.getByRole('row', { name: /Visite du centre IA de Séoul/ });
			await expect(memberRow).toContainText('10:00–11:30 heure de Séoul');
			await expect(memberRow).toContainText('03:00–04:30 heure de Paris');
			// Members read; they do not edit.
			await expect(member.getByRole('heading', { name: message('fr', 'forum_item_add_heading') })).toHaveCount(0);
			await expect(memberRow.getByRole('link')).toHaveCount(0);
		} finally {
			await memberContext.close();
		}
	});

	test('cannot copy a previous programme into an edition without dates: told why', async ({ page }) => {
		const pages = new ForumPages(page, 'fr');
		// The demo's 2nd forum is still choosing its dates.
		await pages.openProgramme(2);
		await page.getByRole('button', { name: message('fr', 'forum_copy_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(message('fr', 'forum_copy_no_dates'));
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('reads the history of editions and the 1st forum programme; the 2nd is not published yet', async ({ page }) => {
		const pages = new ForumPages(page, 'fr');
		await pages.openList();
		const first = page.getByRole('row', { name: /Premier Forum franco-coréen/ });
		await expect(first).toContainText('2–8 juin 2023 · heure de Paris');
		await expect(first).toContainText(message('fr', 'forum_status_report'));
		await expect(page.getByRole('link', { name: message('fr', 'forum_new_link') })).toHaveCount(0);

		await pages.openProgramme(1);
		// In France: one reading, in Paris time.
		await expect(pages.day('vendredi 2 juin 2023').getByRole('row', { name: /éco-quartiers/ })).toContainText('14:00–17:00 heure de Paris');

		await pages.openProgramme(2);
		await expect(page.getByText(message('fr', 'forum_programme_not_published'))).toBeVisible();
	});

	test('an unknown edition number is a 404 page; the edit page is forbidden', async ({ page }) => {
		const unknown = await page.goto('/fr/groups/coree/forums/99');
		expect(unknown?.status()).toBe(404);
		const edit = await page.goto('/fr/groups/coree/forums/1/edit');
		expect(edit?.status()).toBe(403);
	});
});
