/** The partnerships register (issue 3 §5): creating one, its timeline, its documents, and who may change it. */
import { expect, test } from '@playwright/test';
import { PartnershipPages } from './pages/partnership-pages';
import { message, storageStateOf } from './support/environment';

/** Issy-les-Moulineaux – Guro-gu, the first partnership of the demo register (partnerships.demo.ts). */
const ISSY_GURO = '00000000-0000-4000-9000-000000000001';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('creates a partnership with a Korean partner from the official list, records two status changes and sees the timeline in order', async ({ page }) => {
		const pages = new PartnershipPages(page, 'fr');
		await pages.openList();
		await page.getByRole('link', { name: message('fr', 'partnership_add_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'partnership_new_title'));

		await pages.pickOfficialPartner('ㄱㄷ', 'Gangdong-gu (Séoul)');
		await expect(page.locator('#foreign-mode-official')).toBeChecked();
		await pages.field('frenchOrganisationId').selectOption({ label: `Dijon (${message('fr', 'kind_commune')})` });
		await pages.field('kind').selectOption({ label: message('fr', 'partnership_kind_friendship_protocol') });
		await pages.field('status').selectOption({ label: message('fr', 'partnership_status_idea') });
		await pages.field('statusDate').fill('2024-13');
		await page.getByLabel('Mobilité durable').check();
		await pages.field('descriptionFr').fill('Échanges sur la mobilité durable');
		await pages.submitNew();
		// A month 13 is refused next to the field; what was typed stays, the pick too.
		await expect(page.locator('#field-statusDate-error')).toHaveText(message('fr', 'partnership_error_invalid_partial_date'));
		await expect(pages.field('statusDate')).toHaveValue('2024-13');
		await expect(pages.field('descriptionFr')).toHaveValue('Échanges sur la mobilité durable');
		await expect(page.getByLabel('Mobilité durable')).toBeChecked();
		await expect(page.locator('input[name="officialPick"]')).toHaveValue('kr-local:KR-11:gangdong-gu');

		await pages.field('statusDate').fill('2024-05');
		await pages.submitNew();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'partnership_created'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dijon – Gangdong-gu (Séoul)');

		await pages.recordStatusChange(message('fr', 'partnership_status_signed'), '2025-09-30', 'Signature à Séoul');
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'partnership_status_recorded'));
		// Recorded second, dated earlier: it takes its place by date, and the current status stays "signed".
		await pages.recordStatusChange(message('fr', 'partnership_status_negotiation'), '2025-01');
		expect(await pages.timelineDates()).toEqual(['2024-05', '2025-01', '2025-09-30']);
		const texts = await pages.timelineTexts();
		expect(texts[0]).toContain(message('fr', 'partnership_status_idea'));
		expect(texts[1]).toContain(message('fr', 'partnership_status_negotiation'));
		expect(texts[2]).toContain(message('fr', 'partnership_status_signed'));
		expect(texts[2]).toContain('Signature à Séoul');
		const sides = page.locator('section', { has: page.getByRole('heading', { name: message('fr', 'partnership_sides_heading') }) });
		await expect(sides).toContainText(message('fr', 'partnership_status_on', { status: message('fr', 'partnership_status_signed'), date: '30 sept. 2025' }));

		// Documents: a file that is not what its name says is refused by name; a PDF is kept and comes back as an attachment.
		const documentField = page.locator('#field-document');
		await documentField.setInputFiles({ name: 'accord.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
		await page.getByRole('button', { name: message('fr', 'partnership_document_upload_submit') }).click();
		await expect(page.locator('#field-document-error')).toHaveText(message('fr', 'file_error_type'));
		const large = Buffer.alloc(10.5 * 1024 * 1024);
		large.write('%PDF-1.4\n');
		await documentField.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: large });
		await page.getByRole('button', { name: message('fr', 'partnership_document_upload_submit') }).click();
		await expect(page.locator('#field-document-error')).toHaveText(message('fr', 'file_error_too_large'));
		await expect(page.getByText(message('fr', 'partnership_no_documents'))).toBeVisible();
		await documentField.setInputFiles({ name: 'accord.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
		await page.getByRole('button', { name: message('fr', 'partnership_document_upload_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'partnership_document_added'));
		const link = page.getByRole('link', { name: 'accord.pdf' });
		const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(await response.text()).toBe('%PDF-1.4\n%%EOF\n');
		const unknown = await page.request.get(`/fr/groups/coree/partnerships/${ISSY_GURO}/documents/00000000-0000-4000-8000-000000000000`);
		expect(unknown.status()).toBe(404);

		const history = page.locator('section', { has: page.getByRole('heading', { name: message('fr', 'partnership_history_heading') }) });
		await expect(history).toContainText(message('fr', 'partnership_history_document_added', { name: 'accord.pdf' }));
		await expect(history).toContainText('KIM Hyoung Jin');

		// Editing: the kind changes, the history says from what to what.
		await page.getByRole('link', { name: message('fr', 'partnership_edit_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'partnership_edit_title'));
		await expect(pages.field('descriptionFr')).toHaveValue('Échanges sur la mobilité durable');
		await pages.field('kind').selectOption({ label: message('fr', 'partnership_kind_twinning') });
		await page.getByRole('button', { name: message('fr', 'partnership_save_submit') }).click();
		await expect(page.getByRole('status').first()).toHaveText(message('fr', 'partnership_saved'));
		await expect(history).toContainText(`${message('fr', 'partnership_kind_friendship_protocol')} → ${message('fr', 'partnership_kind_twinning')}`);
	});
});

test.describe('as a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('reads another organisation’s partnership but cannot change it', async ({ page }) => {
		const pages = new PartnershipPages(page, 'fr');
		await pages.openList();
		await expect(page.getByRole('link', { name: message('fr', 'partnership_add_link') })).toBeVisible();
		// Unverified partnerships say so in words.
		await expect(page.getByRole('row', { name: /Reims/ })).toContainText(message('fr', 'partnership_unverified'));
		await page.getByRole('link', { name: 'Issy-les-Moulineaux' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Issy-les-Moulineaux – Guro-gu (Séoul)');
		await expect(page.getByText(message('fr', 'partnership_read_only'))).toBeVisible();
		await expect(page.getByRole('link', { name: message('fr', 'partnership_edit_link') })).toHaveCount(0);
		await expect(page.getByText(message('fr', 'partnership_status_change_heading'))).toHaveCount(0);

		const forged = await page.request.post(`${page.url()}?/status`, {
			form: { status: 'ended', onDate: '2026' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(forged.status()).toBe(403);
		expect((await page.request.get(`${page.url()}/edit`)).status()).toBe(403);
		await page.reload();
		expect(await pages.timelineDates()).toEqual(['2004-10', '2017']);

		// Guro-gu is no member of the group, yet its record opens from the partnership.
		await page.getByRole('link', { name: 'Guro-gu (Séoul)' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guro-gu (Séoul)');
		await expect(page.locator('section', { has: page.getByRole('heading', { name: message('fr', 'partnership_list_title') }) })).toContainText('Issy-les-Moulineaux');
	});
});
