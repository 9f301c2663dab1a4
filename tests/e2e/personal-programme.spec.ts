/** Personal programmes (issue 6 §5): publish the computed demo forum, open a delegate's programme, download its calendar file. */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ConsolidationPage } from './pages/consolidation-pages';
import { PersonalProgrammePage } from './pages/personal-programme-pages';
import { message, storageStateOf } from './support/environment';
import { waitForMessageTo } from './support/outbox';

test.describe('personal programmes', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('the coordinator publishes the computed programme, opens a delegate’s programme in Seoul and Paris time, and downloads its calendar file', async ({ page, browser }) => {
		const publishedSince = new Date();
		const consolidation = new ConsolidationPage(page, 'fr');
		await consolidation.open(2);
		await consolidation.compute();
		await expect(page.getByTestId('consolidation-computed')).toBeVisible();

		const programme = new PersonalProgrammePage(page, 'fr');
		await programme.open(2);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'personal_programme_page_title'));
		await programme.publish();
		await expect(page.getByRole('status')).toContainText('Programme publié');

		await programme.openDelegate('Caroline MILLAN');
		await expect(page.getByRole('heading', { level: 2, name: message('fr', 'personal_programme_of', { name: 'Caroline MILLAN' }) })).toBeVisible();
		await expect(page.getByRole('columnheader', { name: message('fr', 'personal_programme_host_time', { zone: 'Asia/Seoul' }) }).first()).toBeVisible();
		await expect(page.getByRole('columnheader', { name: message('fr', 'personal_programme_paris_time') }).first()).toBeVisible();
		// Her visit, with the rank she gave it, and the button to take her off it.
		await expect(page.getByRole('rowheader', { name: /Visite de terrain \(\d+ᵉ choix\)/ }).first()).toBeVisible();
		await expect(page.getByRole('button', { name: message('fr', 'personal_programme_remove') }).first()).toBeVisible();

		const downloading = page.waitForEvent('download');
		await programme.calendarLink().click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('programme.ics');
		const calendar = await readFile((await download.path())!, 'utf8');
		expect(calendar).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul');
		expect(calendar).toContain('DTSTART;TZID=Asia/Seoul:');
		expect(calendar).toContain('SEQUENCE:');

		// A delegate without an account opens their programme from the link of their e-mail.
		const mail = await waitForMessageTo('service-international-crisis@cites-unies-france.org', publishedSince);
		expect(mail.subject).toContain('Deuxième Forum franco-coréen');
		const link = /https?:\/\/\S+\/links\/programme\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
		const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
		try {
			const guestPage = await guest.newPage();
			await guestPage.goto(new URL(link).pathname);
			await expect(guestPage.getByRole('heading', { level: 2, name: message('fr', 'personal_programme_of', { name: 'Inssafe EL IDRISSI' }) })).toBeVisible();
			const pdfDownload = guestPage.waitForEvent('download');
			await guestPage.getByRole('link', { name: message('fr', 'personal_programme_download_pdf') }).click();
			expect((await pdfDownload).suggestedFilename()).toBe('programme.pdf');
			// Another token opens nothing.
			expect((await guestPage.goto('/fr/links/programme/' + 'x'.repeat(43)))?.status()).toBe(404);
		} finally {
			await guest.close();
		}
	});

	test('a member cannot open another delegate’s programme', async ({ browser }) => {
		const context = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const page = await context.newPage();
			const response = await page.goto('/fr/groups/coree/forums/2/my-programme?person=00000000-0000-4000-8000-000000000001');
			expect([403, 404]).toContain(response?.status());
		} finally {
			await context.close();
		}
	});
});
