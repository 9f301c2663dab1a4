/**
 * axe-core on the main pages, in French and in Korean, with all of axe's default rules (WCAG 2.x
 * A and AA plus its best practices). Nothing is excluded: a violation here is a bug in the app.
 *
 * Plus one check axe no longer makes (its duplicate-id rules were retired in axe 4.x): every id is
 * unique and every visible field is named by its own <label>. A repeated id silently takes the
 * label away from the second field: the browser gives `<label for>` to the first element only.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GROUP_NAMES, message, storageStateOf, type Locale } from './support/environment';

/** One line per failing element, so that the failure says what to fix and where. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
	return violations.flatMap((violation) =>
		violation.nodes.map(
			(node) => `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`
		)
	);
}

async function expectNoViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	expect.soft(describeViolations(results.violations), 'axe-core violations').toEqual([]);
	expect.soft(await duplicateIds(page), 'ids used more than once').toEqual([]);
	expect.soft(await unlabelledFields(page), 'fields without a <label> of their own').toEqual([]);
}

async function duplicateIds(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const counts = new Map<string, number>();
		for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
		return [...counts].filter(([, count]) => count > 1).map(([id, count]) => `#${id} ×${count}`);
	});
}

async function unlabelledFields(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
			.filter((field) => field.type !== 'hidden' && field.checkVisibility())
			.filter((field) => !field.labels || field.labels.length === 0)
			.map((field) => `${field.tagName.toLowerCase()}[name="${field.name}"] in ${field.form?.getAttribute('action') ?? 'no form'}`)
	);
}

const PAGES: { name: string; path: string; heading: (locale: Locale) => string; as: 'anonymous' | 'administrator' }[] = [
	{ name: 'home', path: '', heading: (locale) => message(locale, 'home_title'), as: 'anonymous' },
	{ name: 'sign-in', path: '/sign-in', heading: (locale) => message(locale, 'sign_in_title'), as: 'anonymous' },
	{ name: 'home (signed in)', path: '', heading: (locale) => message(locale, 'home_title'), as: 'administrator' },
	{ name: 'group', path: '/groups/coree', heading: (locale) => GROUP_NAMES.coree[locale], as: 'administrator' },
	{ name: 'group members', path: '/groups/coree/members', heading: (locale) => message(locale, 'group_members_page_title'), as: 'administrator' },
	{ name: 'my to-do', path: '/todo', heading: (locale) => message(locale, 'todo_title'), as: 'administrator' },
	{ name: 'account', path: '/account', heading: (locale) => message(locale, 'account_title'), as: 'administrator' },
	{ name: 'admin', path: '/admin', heading: (locale) => message(locale, 'admin_title'), as: 'administrator' },
	{ name: 'mailbox', path: '/admin/mailbox', heading: (locale) => message(locale, 'mailbox_title'), as: 'administrator' },
	{ name: 'country groups administration', path: '/admin/groups', heading: (locale) => message(locale, 'admin_group_list_title'), as: 'administrator' },
	{ name: 'new country group', path: '/admin/groups/new', heading: (locale) => message(locale, 'admin_group_new_title'), as: 'administrator' },
	{ name: 'country group administration', path: '/admin/groups/00000000-0000-4000-8000-000000000001', heading: (locale) => GROUP_NAMES.coree[locale], as: 'administrator' },
	{ name: 'person record', path: '/groups/coree/organisations/00000000-0000-4000-8000-00000000000f/people/00000000-0000-4000-8000-000000000023', heading: () => 'Caroline MILLAN', as: 'administrator' },
	{ name: 'organisation record', path: '/groups/coree/organisations/00000000-0000-4000-8000-00000000000f', heading: (locale) => (locale === 'ko' ? '이시레물리노' : 'Issy-les-Moulineaux'), as: 'administrator' },
	{ name: 'partnerships', path: '/groups/coree/partnerships', heading: (locale) => message(locale, 'partnership_list_title'), as: 'administrator' },
	{ name: 'partnership record', path: '/groups/coree/partnerships/00000000-0000-4000-9000-000000000001', heading: (locale) => (locale === 'ko' ? '이시레물리노 – 서울특별시 구로구 파트너십' : 'Issy-les-Moulineaux – Guro-gu (Séoul)'), as: 'administrator' },
	{ name: 'new partnership, with official-list results', path: '/groups/coree/partnerships/new?q=%EA%B5%AC%EB%A1%9C', heading: (locale) => message(locale, 'partnership_new_title'), as: 'administrator' },
	{ name: 'directory search', path: '/groups/coree/search?q=is', heading: (locale) => message(locale, 'search_title'), as: 'administrator' },
	{ name: 'import and export', path: '/groups/coree/exchange', heading: (locale) => message(locale, 'exchange_title'), as: 'administrator' },
	{ name: 'minutes import', path: '/groups/coree/meetings/import', heading: (locale) => message(locale, 'minutes_import_title'), as: 'administrator' },
	{ name: 'good practices library', path: '/groups/coree/practices?theme=smart-city', heading: (locale) => message(locale, 'practice_library_title'), as: 'administrator' },
	{
		name: 'good practice record',
		path: '/groups/coree/practices/00000000-0000-4000-8000-000000010001',
		heading: (locale) => (locale === 'ko' ? '이시레물리노 쾨르 드 빌·포르 디시 생태지구와 폐기물 관리 시스템' : "Écoquartiers du Cœur de ville et du Fort d'Issy et leur système de gestion des déchets"),
		as: 'administrator'
	},
	{ name: 'new good practice', path: '/groups/coree/practices/new', heading: (locale) => message(locale, 'practice_new_title'), as: 'administrator' },
	{ name: 'group map', path: '/groups/coree/map', heading: (locale) => GROUP_NAMES.coree[locale], as: 'administrator' },
	{ name: 'meetings', path: '/groups/coree/meetings', heading: (locale) => message(locale, 'meeting_list_title'), as: 'administrator' },
	{ name: 'demo meeting', path: '/groups/coree/meetings/00000000-0000-4000-a000-000000000001', heading: () => 'Réunion du groupe-pays Corée', as: 'administrator' },
	{ name: 'demo minutes, both languages', path: '/groups/coree/meetings/00000000-0000-4000-a000-000000000001/minutes?lang=both', heading: (locale) => `${message(locale, 'minutes_title')} — Réunion du groupe-pays Corée`, as: 'administrator' },
	{ name: 'print view of the demo minutes, both languages', path: '/groups/coree/meetings/00000000-0000-4000-a000-000000000001/print?lang=both', heading: () => 'Réunion du groupe-pays Corée', as: 'administrator' },
	{ name: 'demo minutes editor', path: '/groups/coree/meetings/00000000-0000-4000-a000-000000000001/minutes/edit', heading: (locale) => `${message(locale, 'minutes_edit_title')} — Réunion du groupe-pays Corée`, as: 'administrator' },
	{ name: 'forums', path: '/groups/coree/forums', heading: (locale) => message(locale, 'forum_list_title'), as: 'administrator' },
	{ name: 'first forum', path: '/groups/coree/forums/1', heading: (locale) => (locale === 'ko' ? '제1회 한불 지방정부 포럼' : 'Premier Forum franco-coréen'), as: 'administrator' },
	{ name: 'second forum programme', path: '/groups/coree/forums/2/programme', heading: (locale) => `${message(locale, 'forum_programme_title')} — ${message(locale, 'forum_ordinal', { number: 2 })}`, as: 'administrator' },
	{ name: 'second forum date poll', path: '/groups/coree/forums/2/poll', heading: (locale) => `${message(locale, 'poll_title')} — ${locale === 'ko' ? '제2회 한불 지방정부 포럼' : 'Deuxième Forum franco-coréen'}`, as: 'administrator' },
	{ name: 'second forum theme consultation', path: '/groups/coree/forums/2/consultation', heading: (locale) => `${message(locale, 'consultation_title')} — ${locale === 'ko' ? '제2회 한불 지방정부 포럼' : 'Deuxième Forum franco-coréen'}`, as: 'administrator' },
	{ name: 'second forum registration of Issy-les-Moulineaux', path: '/groups/coree/forums/2/registration?organisation=00000000-0000-4000-8000-00000000000f', heading: (locale) => `${message(locale, 'registration_page_title')} — ${locale === 'ko' ? '제2회 한불 지방정부 포럼' : 'Deuxième Forum franco-coréen'}`, as: 'administrator' },
	{ name: 'second forum registrations dashboard', path: '/groups/coree/forums/2/registrations', heading: (locale) => `${message(locale, 'registration_dashboard_title')} — ${locale === 'ko' ? '제2회 한불 지방정부 포럼' : 'Deuxième Forum franco-coréen'}`, as: 'administrator' },
	{ name: 'second forum consolidation', path: '/groups/coree/forums/2/consolidation', heading: (locale) => `${message(locale, 'consolidation_title')} — ${locale === 'ko' ? '제2회 한불 지방정부 포럼' : 'Deuxième Forum franco-coréen'}`, as: 'administrator' },
	{ name: 'second forum personal programmes', path: '/groups/coree/forums/2/my-programme', heading: (locale) => message(locale, 'personal_programme_page_title'), as: 'administrator' },
	{ name: 'decisions and actions', path: '/groups/coree/actions?status=all', heading: (locale) => message(locale, 'actions_title'), as: 'administrator' },
	{ name: 'new organisation, with search results', path: '/groups/coree/organisations/new?country=KR&q=%EC%A4%91%EA%B5%AC', heading: (locale) => message(locale, 'org_new_title'), as: 'administrator' }
];

for (const locale of ['fr', 'ko'] as Locale[]) {
	for (const visit of PAGES) {
		test.describe(() => {
			if (visit.as !== 'anonymous') test.use({ storageState: storageStateOf(visit.as) });

			test(`no accessibility violations on the ${visit.name} page in ${locale}`, async ({ page }) => {
				const response = await page.goto(`/${locale}${visit.path}`);
				expect(response?.status()).toBe(200);
				// Checked after the fonts are in: contrast is measured on the text as drawn.
				await page.evaluate(() => document.fonts.ready);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(visit.heading(locale));
				await expectNoViolations(page);
			});
		});
	}
}

test.describe('with errors on the page', () => {
	test.use({ storageState: storageStateOf('administrator') });

	test('no accessibility violations on the invitation form showing field errors (ko)', async ({ page }) => {
		await page.goto('/ko/admin');
		await page.locator('#field-email').fill('not-an-email');
		await page.getByRole('button', { name: message('ko', 'admin_invite_submit') }).click();
		await expect(page.locator('#field-email-error')).toBeVisible();
		await expectNoViolations(page);
	});
});
