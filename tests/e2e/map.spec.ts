/** The group map (issue 3 §9): points that lead to records, lines by status, and the same facts as a table. */
import { expect, test } from '@playwright/test';
import { message, storageStateOf } from './support/environment';

test.describe('as the coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('sees Issy-les-Moulineaux on the map and opens its record from there', async ({ page }) => {
		await page.goto('/fr/groups/coree/map');
		await expect(page.getByRole('heading', { level: 2, name: message('fr', 'map_heading') })).toBeVisible();
		const map = page.getByRole('group', { name: message('fr', 'map_svg_title') });
		await expect(map).toBeVisible();
		const issy = map.getByRole('link', { name: /^Issy-les-Moulineaux/ });
		await expect(issy).toBeVisible();
		// Partnerships are drawn, one line each, with their status in the line's title.
		expect(await map.locator('path.line').count()).toBeGreaterThanOrEqual(10);
		await expect(map.locator('path.line.status-active').first()).toBeAttached();
		await issy.click();
		await expect(page).toHaveURL(/\/fr\/groups\/coree\/organisations\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Issy-les-Moulineaux' })).toBeVisible();
	});

	test('finds the same organisations in the table view, with their partnerships and status', async ({ page }) => {
		await page.goto('/fr/groups/coree/map');
		await page.getByRole('link', { name: message('fr', 'map_skip_to_table') }).click();
		await expect(page).toHaveURL(/#map-table$/);
		const table = page.getByRole('table');
		const mapLinks = await page
			.getByRole('group', { name: message('fr', 'map_svg_title') })
			.getByRole('link')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		const tableLinks = await table.getByRole('rowheader').getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		// Every organisation of the demo is placed: the map and the table list the same demo records.
		// (Other tests, running alongside, add organisations without a point: only the table has those.)
		const demo = (links: (string | null)[]) => links.filter((link) => link?.includes('/organisations/00000000-0000-4000-8000-')).sort();
		expect(demo(mapLinks).length).toBeGreaterThanOrEqual(20);
		expect(demo(mapLinks)).toEqual(demo(tableLinks));
		for (const link of mapLinks) expect(tableLinks).toContain(link);
		const issyRow = table.getByRole('row', { name: /^Issy-les-Moulineaux/ });
		await expect(issyRow).toContainText('48.824, 2.273');
		await expect(issyRow).toContainText(`Guro-gu (Séoul) — ${message('fr', 'map_status_active')}`);
		// The region's partner is still to be identified: listed, though it has no line.
		await expect(table.getByRole('row', { name: /^Région Auvergne-Rhône-Alpes/ })).toContainText(message('fr', 'map_partner_to_identify'));
	});

	test('is drawn in Korean too, with the same points', async ({ page }) => {
		await page.goto('/ko/groups/coree/map');
		const map = page.getByRole('group', { name: message('ko', 'map_svg_title') });
		await expect(map.getByRole('link', { name: /^이시레물리노/ })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: message('ko', 'map_table_heading') })).toBeVisible();
	});
});
