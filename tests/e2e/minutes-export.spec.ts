/**
 * Exports of the minutes (issue 4 §7) as a member meets them: the Word file downloaded from the
 * meeting's page opens (a zip, read by mammoth), and the print view shows the Korean minutes.
 */
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { MeetingPages } from './pages/meeting-pages';
import { MinutesExportPages } from './pages/minutes-export-pages';
import { message, storageStateOf } from './support/environment';

const DEMO_MEETING_ID = '00000000-0000-4000-a000-000000000001';
const DEMO_DRAFT_MEETING_ID = '00000000-0000-4000-a000-000000000002';

test.describe('a member', () => {
	test.use({ storageState: storageStateOf('member') });

	test('downloads the Word minutes of the demo meeting, and it opens', async ({ page }) => {
		await new MeetingPages(page, 'fr').openMeeting(DEMO_MEETING_ID);
		const exports = new MinutesExportPages(page, 'fr');
		const [download] = await Promise.all([page.waitForEvent('download'), exports.exportLink('docx', 'fr').click()]);
		expect(download.suggestedFilename()).toBe('compte-rendu-coree-2024-02-27-fr.docx');
		const bytes = readFileSync((await download.path())!);
		expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
		const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
		expect(html).toContain('Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence');
		expect(html).toContain('<h1>Compte-rendu</h1>');
		expect(html).toContain('<h2>1. Introduction</h2>');
		expect(html).toMatch(/<li><strong>Caroline Millan, Présidente du groupe-pays Corée[^<]*<\/strong> : Le groupe-pays Corée rassemble/);
		expect(html).toMatch(/<strong>➔ L'ensemble des thèmes proposés par la GAROK/);
	});

	test('reads the Korean minutes in the print view, without the site’s chrome on paper', async ({ page }) => {
		const exports = new MinutesExportPages(page, 'ko');
		await exports.openPrint(DEMO_MEETING_ID, 'ko');
		await expect(exports.minutes().getByRole('heading', { level: 2, name: message('ko', 'export_minutes_heading') })).toBeVisible();
		await expect(exports.minutes()).toContainText('2024년 2월 27일 화요일');
		await expect(exports.minutes()).toContainText('서울 시간 17:00부터 18:00까지');
		// Korean is drawn with a font that has Hangul.
		expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans KR"', '회의록'))).toBe(true);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('header.site-header')).toBeHidden();
		await expect(exports.minutes()).toBeVisible();
	});

	test('does not get the draft minutes of the next meeting', async ({ page }) => {
		const response = await page.request.get(`/fr/groups/coree/meetings/${DEMO_DRAFT_MEETING_ID}/export.pdf?lang=fr`);
		expect(response.status()).toBe(404);
	});
});

test.describe('a coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('downloads the draft minutes as a PDF and as Markdown', async ({ page }) => {
		const pdf = await page.request.get(`/fr/groups/coree/meetings/${DEMO_DRAFT_MEETING_ID}/export.pdf?lang=both`);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const markdown = await page.request.get(`/fr/groups/coree/meetings/${DEMO_DRAFT_MEETING_ID}/export.md?lang=fr`);
		expect(markdown.headers()['content-disposition']).toMatch(/^attachment; filename="compte-rendu-coree-\d{4}-\d{2}-\d{2}-fr\.md"$/);
		expect(await markdown.text()).toContain('> Projet de compte-rendu, non publié');
	});
});
