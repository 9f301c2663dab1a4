/**
 * No request leaves the app: fonts, scripts and styles ship with it (ENGINEERING.md, "No external
 * CDN"). Every request of a few pages, in both languages and signed in, is recorded and checked.
 */
import { expect, test } from '@playwright/test';
import { GROUP_NAMES, ORIGIN, storageStateOf } from './support/environment';

test.use({ storageState: storageStateOf('administrator') });

test('no request leaves the app origin', async ({ page, context }) => {
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));

	for (const path of ['/fr', '/ko', '/ko/groups/coree', '/en/account', '/fr/admin', '/ko/admin/mailbox', '/fr/nope']) {
		await page.goto(path);
		await page.evaluate(() => document.fonts.ready);
		await page.waitForLoadState('networkidle');
	}
	// A client-side navigation too: the router fetches data and code as the page changes.
	await page.goto('/fr');
	await page.locator('main').getByRole('link', { name: GROUP_NAMES.coree.fr }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP_NAMES.coree.fr);
	await page.waitForLoadState('networkidle');

	// data: and blob: URLs never reach a network.
	const outside = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== ORIGIN);
	expect(outside).toEqual([]);
	// The recording did see the page's own files, fonts included (Korean pages need Noto Sans KR).
	expect(requests.some((url) => url.endsWith('.js'))).toBe(true);
	expect(requests.some((url) => /\.woff2?$/.test(url))).toBe(true);
});
