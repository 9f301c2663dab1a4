/**
 * Importing existing minutes through the preview (issue 4 §8): the coordinator uploads the
 * reference document, sees what was recognised, corrects nothing, confirms, and lands on the new
 * meeting. A second upload of the same document is flagged; a PDF is refused with a clear message.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { message, storageStateOf } from './support/environment';

const REFERENCE = 'tests/fixtures/minutes/compte-rendu-groupe-pays-coree-2024-02-27.txt';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('imports the reference minutes through the preview and lands on the new meeting', async ({ page }) => {
		await page.goto('/fr/groups/coree/meetings/import');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'minutes_import_title'));
		await page.getByLabel(message('fr', 'minutes_import_file_label')).setInputFiles(REFERENCE);
		await page.getByRole('button', { name: message('fr', 'minutes_import_read_submit') }).click();

		await expect(page.getByRole('heading', { name: message('fr', 'minutes_import_preview_heading') })).toBeVisible();
		// Date and times with their zone, Paris and Seoul side by side; the zone was written, not assumed.
		await expect(page.locator('#recognised-when')).toContainText('09:00');
		await expect(page.locator('#recognised-when')).toContainText('17:00');
		// The end too, in both zones, each named.
		await expect(page.locator('#recognised-when')).toContainText(`09:00–10:00 ${message('fr', 'zone_europe_paris')}`);
		await expect(page.locator('#recognised-when')).toContainText(`17:00–18:00 ${message('fr', 'zone_asia_seoul')}`);
		await expect(page.locator('#zone-assumed')).toHaveCount(0);
		await expect(page.getByRole('heading', { name: message('fr', 'minutes_import_agenda_heading', { count: 3 }) })).toBeVisible();
		await expect(page.getByRole('heading', { level: 4, name: 'Introduction' })).toBeVisible();
		// Every speaker of the reference is in the demo directory.
		await expect(page.locator('.badge.found')).toHaveCount(6);
		await expect(page.locator('.badge.new')).toHaveCount(0);
		await expect(page.locator('.decisions li')).toHaveCount(2);
		await expect(page.getByRole('heading', { name: message('fr', 'minutes_import_participants_heading', { count: 15 }) })).toBeVisible();
		await expect(page.getByRole('cell', { name: 'Région Auvergne-Rhône-Alpes', exact: true })).toBeVisible();
		await expect(page.getByText(message('fr', 'minutes_import_all_recognised'))).toBeVisible();
		await expect(page.getByLabel(message('fr', 'minutes_import_speaker_label', { name: 'Hong Joon Ho', count: 1 }))).toHaveValue(/^person:/);
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
		if (process.env.MINUTES_IMPORT_SCREENSHOT) await page.screenshot({ path: process.env.MINUTES_IMPORT_SCREENSHOT, fullPage: true });

		// The coordinator corrects one participant row: prefilled with its match, kept as text instead.
		const virginie = page.getByLabel(message('fr', 'minutes_import_row_label', { name: 'Virginie ROUQUETTE' }));
		await expect(virginie).toHaveValue(/^person:/);
		await virginie.selectOption('text');
		// Another test run on the same database may have imported it already: then it says so, and the box must be ticked.
		if (await page.locator('#duplicate-notice').count()) await page.getByLabel(message('fr', 'minutes_import_force')).check();
		await page.getByRole('button', { name: message('fr', 'minutes_import_confirm_submit') }).click();
		await expect(page).toHaveURL(/\/fr\/groups\/coree\/meetings\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réunion du groupe-pays Corée');
		const meetingUrl = new URL(page.url()).pathname;
		// The row kept as text is among the minutes' unrecognised rows, as written.
		await page.goto(`${meetingUrl}/minutes`);
		await expect(page.locator('section.unrecognised pre')).toHaveText(['CITES UNIES FRANCE\tVirginie\tROUQUETTE']);

		// The same document again: the preview links the meeting just created, and confirming without ticking is refused.
		await page.goto('/fr/groups/coree/meetings/import');
		await page.getByLabel(message('fr', 'minutes_import_file_label')).setInputFiles(REFERENCE);
		await page.getByRole('button', { name: message('fr', 'minutes_import_read_submit') }).click();
		await expect(page.locator('#duplicate-notice')).toContainText(message('fr', 'minutes_import_duplicate'));
		await expect(page.locator(`#duplicate-notice a[href="${meetingUrl}"]`)).toHaveCount(1);
		// The meeting already imported: its time in Paris and in Seoul, each naming its zone.
		await expect(page.locator('#duplicate-notice .duplicate-when').first()).toContainText(`09:00 ${message('fr', 'zone_europe_paris')}`);
		await expect(page.locator('#duplicate-notice .duplicate-when').first()).toContainText(`17:00 ${message('fr', 'zone_asia_seoul')}`);
		await page.getByRole('button', { name: message('fr', 'minutes_import_confirm_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(message('fr', 'minutes_import_errors_above'));
		await expect(page.getByText(message('fr', 'minutes_import_duplicate_refused'))).toBeVisible();
		await expect(page).toHaveURL(/\/meetings\/import/);
	});

	test('a PDF is refused with a clear message; a document without a date asks for one', async ({ page }) => {
		await page.goto('/en/groups/coree/meetings/import');
		await page.getByLabel(message('en', 'minutes_import_file_label')).setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
		await page.getByRole('button', { name: message('en', 'minutes_import_read_submit') }).click();
		await expect(page.getByText(message('en', 'minutes_import_file_pdf'))).toBeVisible();

		await page.getByLabel(message('en', 'minutes_import_file_label')).setInputFiles({
			name: 'undated.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('Réunion sans date\n\n1. Point unique\n- **Caroline Millan** : Texte.\n')
		});
		await page.getByRole('button', { name: message('en', 'minutes_import_read_submit') }).click();
		await expect(page.locator('#no-date')).toHaveText(message('en', 'minutes_import_no_date'));
		await page.getByRole('button', { name: message('en', 'minutes_import_confirm_submit') }).click();
		await expect(page.locator('#field-date-error')).toHaveText(message('en', 'minutes_import_date_required'));
		// The typed title is kept; with a date and a start, it is created.
		await page.getByLabel(message('en', 'minutes_import_field_date')).fill('2024-05-02');
		await page.getByLabel(message('en', 'minutes_import_field_start')).fill('10:00');
		await page.getByRole('button', { name: message('en', 'minutes_import_confirm_submit') }).click();
		await expect(page).toHaveURL(/\/en\/groups\/coree\/meetings\/[0-9a-f-]{36}$/);
	});

	test('the preview shows the actions and the text kept as written of an exported document', async ({ page }) => {
		await page.goto('/fr/groups/coree/meetings/import');
		await page.getByLabel(message('fr', 'minutes_import_file_label')).setInputFiles({
			name: 'exported.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from(
				[
					'Réunion exportée',
					'Jeudi 2 mai 2024, de 10h00 à 11h00, heure française, en visioconférence',
					'Compte-rendu',
					'1. Point unique',
					'- **Caroline Millan** : Texte.',
					'- Envoyer le programme (Caroline Millan, avant le 15 mai 2024, à faire)',
					'Actions à suivre',
					'- Relancer la GAROK (fait)',
					'Texte repris tel quel (non structuré)',
					'Une note en marge'
				].join('\n')
			)
		});
		await page.getByRole('button', { name: message('fr', 'minutes_import_read_submit') }).click();
		await expect(page.locator('.agenda-item .actions li')).toHaveText(/Envoyer le programme.*Caroline Millan.*15 mai 2024.*Ouverte/);
		await expect(page.getByRole('heading', { name: message('fr', 'minutes_import_meeting_actions_heading', { count: 1 }) })).toBeVisible();
		await expect(page.locator('ul.unrecognised li')).toHaveCount(1);
		await expect(page.locator('ul.unrecognised')).toContainText('Une note en marge');
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });
	test('the import page is refused', async ({ page }) => {
		const response = await page.goto('/fr/groups/coree/meetings/import');
		expect(response?.status()).toBe(403);
	});
});
