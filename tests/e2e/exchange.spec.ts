/** Import and export of a group's lists (issue 3 §10): preview with an error line, confirm, download. */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ExchangePage } from './pages/exchange-page';
import { message, storageStateOf } from './support/environment';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('a CSV with one bad line: the preview names the line and column, and the import cannot be confirmed', async ({ page }) => {
		const exchange = new ExchangePage(page, 'fr');
		await exchange.open();
		await exchange.upload('organisations', 'organisations-one-bad-line.csv');
		await expect(exchange.preview).toBeVisible();
		await expect(exchange.row(2)).toContainText(message('fr', 'exchange_status_new'));
		await expect(exchange.row(3)).toContainText(message('fr', 'exchange_status_error'));
		await expect(exchange.row(3)).toContainText(
			message('fr', 'exchange_row_problem', { line: 3, column: 'official_code', problem: message('fr', 'error_invalid_code') })
		);
		await expect(page.getByRole('alert')).toHaveText(message('fr', 'exchange_confirm_blocked'));
		await expect(exchange.confirmButton).toBeDisabled();
		// The preview with its error line and its blocked confirm is as accessible as the rest (axe-core, default rules).
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

		// A forged confirm of the same file is refused by the server too, and writes nothing.
		const content = readFileSync('tests/fixtures/csv/organisations-one-bad-line.csv').toString('base64');
		const response = await page.request.post(`${page.url().split('?')[0]}?/confirm`, {
			form: { kind: 'organisations', fileName: 'x.csv', content },
			// As a browser without JavaScript posts it: the answer is the page, with the failure's status.
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(409);
		expect(await response.text()).toContain(message('fr', 'exchange_row_problem', { line: 3, column: 'official_code', problem: message('fr', 'error_invalid_code') }));
		await page.goto('/fr/groups/coree/members');
		await expect(page.getByRole('rowheader', { name: 'Saint-Malo' })).toHaveCount(0);
	});

	test('a wrong header is refused, naming the missing and unknown columns', async ({ page }) => {
		const exchange = new ExchangePage(page, 'en');
		await exchange.open();
		await exchange.upload('organisations', 'organisations-bad-header.csv');
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(message('en', 'exchange_header_missing', { columns: 'kind, name_fr' }));
		await expect(alert).toContainText(message('en', 'exchange_header_unknown', { columns: 'type, nom' }));
		await expect(exchange.preview).toHaveCount(0);
	});

	test('a good Windows-1252 CSV: preview, confirm, and the organisations are on the members page', async ({ page }) => {
		const exchange = new ExchangePage(page, 'fr');
		await exchange.open();
		await exchange.upload('organisations', 'organisations-windows-1252.csv');
		await expect(page.getByText(message('fr', 'exchange_preview_file', { name: 'organisations-windows-1252.csv', encoding: 'Windows-1252', separator: ';' }))).toBeVisible();
		await expect(exchange.row(2)).toContainText('Orléans');
		await expect(exchange.row(4)).toContainText('Association française du Cœur');
		await expect(exchange.confirmButton).toBeEnabled();
		await exchange.confirmButton.click();
		await expect(page).toHaveURL(/\/fr\/groups\/coree\/exchange\?imported=organisations&created=3/);
		await expect(page.getByRole('status')).toHaveText(message('fr', 'exchange_imported', { created: 3, updated: 0, skipped: 0 }));

		await page.goto('/fr/groups/coree/members');
		await expect(page.getByRole('rowheader', { name: 'Orléans' })).toBeVisible();
		await expect(page.getByRole('rowheader', { name: 'Besançon' })).toBeVisible();
		await expect(page.getByRole('rowheader', { name: 'Association française du Cœur' })).toBeVisible();
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('downloads the organisations as CSV (UTF-8 with BOM), and cannot import', async ({ page }) => {
		const exchange = new ExchangePage(page, 'ko');
		await exchange.open();
		await expect(page.getByRole('button', { name: message('ko', 'exchange_import_submit') })).toHaveCount(0);

		const downloading = page.waitForEvent('download');
		await exchange.exportLink('exchange_list_organisations', 'CSV').click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^dari-coree-organisations-\d{4}-\d{2}-\d{2}\.csv$/);
		const bytes = readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text.split('\r\n')[0]).toBe('\ufeffofficial_code_scheme,official_code,name_fr,name_ko,name_en,kind,country_code,departement_code,region_code,region_name,population,website,address,latitude,longitude,capacity,membership_status,member_since');
		expect(text).toContain('Issy-les-Moulineaux,이시레물리노');

		const xlsx = await page.request.get('/ko/groups/coree/exchange/people.xlsx');
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

		const forged = await page.request.post('/ko/groups/coree/exchange?/preview', {
			multipart: { kind: 'organisations', file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('kind,country_code,name_fr\ncommune,FR,Rennes\n') } },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(forged.status()).toBe(403);
	});
});
