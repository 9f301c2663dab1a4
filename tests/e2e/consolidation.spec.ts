/** Programme consolidation (issue 6): compute on the demo 2nd forum, explanations, a move by hand kept as a lock. */
import { expect, test } from '@playwright/test';
import { ConsolidationPage } from './pages/consolidation-pages';
import { message, storageStateOf } from './support/environment';

test.describe('programme consolidation', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('the coordinator computes the demo forum, reads the explanations, moves a delegate after seeing the effect on the totals, and the move appears as a lock', async ({ page }) => {
		const consolidation = new ConsolidationPage(page, 'fr');
		await consolidation.open(2);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${message('fr', 'consolidation_title')} — Deuxième Forum franco-coréen`);

		await consolidation.compute();
		await expect(page.getByTestId('consolidation-computed')).toContainText('places occupées');
		const totals = (await page.getByTestId('consolidation-totals').textContent()) ?? '';
		const [, filled, rankSum] = totals.match(/(\d+) · somme des rangs : (\d+)/) ?? [];
		expect(Number(filled)).toBeGreaterThan(0);

		// Each visit with its fill; Caroline MILLAN got her first choice in the morning.
		await expect(page.getByTestId('consolidation-visits').getByRole('row', { name: /Intelligence artificielle et villes coréennes/ })).toContainText('/15');
		const caroline = consolidation.delegateRow('Caroline MILLAN');
		await expect(caroline).toContainText('Intelligence artificielle et villes coréennes (1er choix)');
		await expect(caroline).toContainText(message('fr', 'consolidation_best_choices'));

		// Moving her to her 3rd choice of the same slot: the effect is shown first, nothing saved yet.
		await consolidation.previewMove('Caroline MILLAN', 'Développement économique');
		await expect(page.getByTestId('consolidation-move-effect')).toContainText(`places occupées ${filled} → ${filled}, somme des rangs ${rankSum} → ${Number(rankSum) + 2}`);
		await expect(page.getByText(message('fr', 'consolidation_no_locks'))).toBeVisible();
		await consolidation.confirmMove();
		await expect(page.getByRole('status').filter({ hasText: message('fr', 'consolidation_moved_notice') })).toBeVisible();
		await expect(page.getByTestId('consolidation-totals')).toContainText(`somme des rangs : ${Number(rankSum) + 2}`);
		await expect(consolidation.locks().getByRole('row', { name: /Caroline MILLAN/ })).toContainText('Développement économique et attractivité territoriale');
		await expect(caroline).toContainText('1er choix Intelligence artificielle et villes coréennes : verrouillé sur Développement économique et attractivité territoriale');

		// The lock survives a new computation; removing it gives the place back at the next one.
		await consolidation.compute();
		await expect(consolidation.locks().getByRole('row', { name: /Caroline MILLAN/ })).toBeVisible();
		await consolidation.locks().getByRole('button', { name: /Caroline MILLAN/ }).click();
		await expect(page.getByText(message('fr', 'consolidation_no_locks'))).toBeVisible();
		await consolidation.compute();
		await expect(page.getByTestId('consolidation-totals')).toContainText(`somme des rangs : ${rankSum}`);
	});

	test('a member cannot open the consolidation page', async ({ browser }) => {
		const context = await browser.newContext({ storageState: storageStateOf('member') });
		try {
			const page = await context.newPage();
			const response = await page.goto('/fr/groups/coree/forums/2/consolidation');
			expect(response?.status()).toBe(403);
		} finally {
			await context.close();
		}
	});
});
