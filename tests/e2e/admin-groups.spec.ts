/** Country groups administration (issue 3 §1): an administrator creates and edits a group for any country. */
import { expect, test } from '@playwright/test';
import { AdminGroupsPage } from './pages/admin-groups-page';
import { GROUP_NAMES, message, storageStateOf } from './support/environment';

test.describe('as the administrator', () => {
	test.use({ storageState: storageStateOf('administrator') });

	test('creates "Groupe-pays Vietnam" (VN), edits it and names a coordinator', async ({ page }) => {
		const groups = new AdminGroupsPage(page, 'fr');
		await groups.openFromAdministration();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'admin_group_list_title'));
		await expect(page.getByRole('link', { name: GROUP_NAMES.coree.fr })).toBeVisible();
		await page.getByRole('link', { name: message('fr', 'admin_group_new_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'admin_group_new_title'));

		// Bad input: each field named, what was typed kept.
		await groups.fill({ slug: 'viet nam', countryCode: 'VN', nameFr: 'Groupe-pays Vietnam', nameKo: '', nameEn: 'Vietnam country group' });
		await groups.create();
		await expect(groups.errorOf('slug')).toHaveText(message('fr', 'admin_group_error_invalid_slug'));
		await expect(groups.errorOf('nameKo')).toHaveText(message('fr', 'error_required'));
		await expect(groups.field('nameFr')).toHaveValue('Groupe-pays Vietnam');
		await groups.fill({ slug: 'coree', countryCode: 'QQ', nameKo: '베트남 국가별 그룹' });
		await groups.create();
		await expect(groups.errorOf('countryCode')).toHaveText(message('fr', 'error_invalid_country'));
		await groups.fill({ countryCode: 'VN' });
		await groups.create();
		await expect(groups.errorOf('slug')).toHaveText(message('fr', 'admin_group_error_slug_taken'));

		await groups.fill({ slug: 'vietnam', descriptionFr: 'Les collectivités françaises en partenariat avec des collectivités vietnamiennes.' });
		await groups.create();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groupe-pays Vietnam');
		await expect(page.getByRole('status')).toHaveText(message('fr', 'admin_group_created', { name: 'Groupe-pays Vietnam' }));

		// Edit it.
		await groups.fill({ descriptionEn: 'French local authorities in partnership with Vietnamese local governments.' });
		await groups.save();
		await expect(page.getByRole('status')).toHaveText(message('fr', 'org_record_saved', { fields: message('fr', 'admin_group_description_en') }));
		await expect(groups.field('descriptionEn')).toHaveValue('French local authorities in partnership with Vietnamese local governments.');

		// Name a coordinator: an unknown address is refused; an existing account is named.
		const email = 'coordination.vietnam@example.org';
		await groups.field('coordinator-email').fill(email);
		await page.getByRole('button', { name: message('fr', 'admin_group_add_coordinator') }).click();
		await expect(groups.errorOf('coordinator-email')).toHaveText(message('fr', 'admin_group_error_unknown_account'));
		const groupPage = page.url();
		await page.goto('/fr/admin');
		await page.locator('#field-email').fill(email);
		// Invited as a member of the new group; the group's page then makes them its coordinator.
		await page.locator('#field-groupId').selectOption({ label: 'Groupe-pays Vietnam' });
		await page.locator('#field-role').selectOption('member');
		await page.getByRole('button', { name: message('fr', 'admin_invite_submit') }).click();
		await expect(page.getByRole('status')).toHaveText(message('fr', 'admin_invite_sent', { email }));
		await page.goto(groupPage);
		await groups.field('coordinator-email').fill(email);
		await page.getByRole('button', { name: message('fr', 'admin_group_add_coordinator') }).click();
		await expect(page.getByRole('status')).toHaveText(message('fr', 'admin_group_coordinator_added', { email }));
		await expect(page.locator('section', { has: page.locator('#coordinators-heading') }).getByRole('listitem')).toContainText(email);

		// The history, and the list, show the new group.
		const history = page.locator('section', { has: page.locator('#history-heading') });
		await expect(history).toContainText(email);
		await expect(history).toContainText('Virginie ROUQUETTE');
		await page.goto('/fr/admin/groups');
		const row = page.getByRole('row', { name: /Groupe-pays Vietnam/ });
		await expect(row).toContainText('/groups/vietnam');
		await page.goto('/fr/groups/vietnam');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groupe-pays Vietnam');
	});

	test('sees the president of the Korea group on its page', async ({ page }) => {
		await page.goto('/fr/groups/coree/members');
		await expect(page.getByText(message('fr', 'admin_group_president_label'))).toContainText('Caroline MILLAN');
	});
});

test.describe('as a coordinator', () => {
	test.use({ storageState: storageStateOf('coordinator') });

	test('cannot reach the groups administration', async ({ page }) => {
		for (const path of ['/fr/admin/groups', '/fr/admin/groups/new']) {
			const response = await page.goto(path);
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'error_forbidden_title'));
		}
		const response = await page.request.post('/fr/admin/groups/new', {
			form: { slug: 'pirate', countryCode: 'VN', nameFr: 'Pirate', nameKo: '해적', nameEn: 'Pirate' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(response.status()).toBe(403);
	});
});
