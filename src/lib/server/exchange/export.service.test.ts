import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { newId } from '../shared/identifier';
import { exportGroupList, getExchangePage } from './export.service';
import { confirmImport, previewImport } from './import.service';

describeEachDatabase('export of a group’s lists', (setup) => {
	const actors: Record<string, Actor> = {};
	const directory = mkdtempSync(join(tmpdir(), 'dari-export-'));
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	/** Exports, writes the file to disk as a browser would save it, and gives its path. */
	const exported = async (list: 'organisations' | 'people' | 'partnerships' | 'practices', format: 'csv' | 'xlsx', actor = actors.partner) => {
		const result = await exportGroupList(setup.context, actor, 'coree', list, format);
		if (!result.ok) throw new Error(result.reason);
		const path = join(directory, `${setup.dialect}-${result.value.fileName}`);
		writeFileSync(path, result.value.body);
		return { path, file: result.value };
	};
	const readCsv = (path: string) => parse(readFileSync(path, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];

	beforeAll(async () => {
		await loadDemoData(setup.context);
		for (const role of ['admin', 'coordinator', 'member', 'partner']) actors[role === 'admin' ? 'administrator' : role] = await actorFor(`${role}@demo.dari.test`);
		// A partnership with its timeline and themes, and a good practice, written straight into their tables.
		const db = setup.context.db;
		const organisations = Object.fromEntries((await db.selectFrom('organisation').select(['id', 'name_fr']).execute()).map((row) => [row.name_fr, row.id]));
		const group = await db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
		const partnershipId = newId();
		await db
			.insertInto('partnership')
			.values({
				id: partnershipId,
				group_id: group.id,
				french_organisation_id: organisations['Région Auvergne-Rhône-Alpes'],
				foreign_organisation_id: null,
				foreign_country_code: 'KR',
				foreign_region: '충청남도',
				kind: 'cooperation-agreement',
				status: 'negotiation',
				description_fr: 'Un partenariat est en cours de conclusion avec une province coréenne.',
				description_ko: '',
				sources: 'Compte rendu du 27 février 2024',
				verified: 0,
				created_at: '2026-11-28T09:00:00.000Z',
				updated_at: '2026-11-28T09:00:00.000Z',
				search_text: '',
				search_initials: ''
			})
			.execute();
		await db
			.insertInto('partnership_status_event')
			.values([
				{ id: newId(), partnership_id: partnershipId, status: 'idea', on_date: '2023', note: '', recorded_by: null, recorded_at: '2026-11-28T09:00:00.000Z' },
				{ id: newId(), partnership_id: partnershipId, status: 'negotiation', on_date: '2024-02', note: '', recorded_by: null, recorded_at: '2026-11-28T09:00:00.000Z' }
			])
			.execute();
		const themes = await db.selectFrom('theme').select('key').orderBy('position').limit(2).execute();
		await db.insertInto('partnership_theme').values(themes.map((theme) => ({ partnership_id: partnershipId, theme_key: theme.key }))).execute();
		const practiceId = newId();
		await db
			.insertInto('good_practice')
			.values({
				id: practiceId,
				group_id: group.id,
				country_code: 'FR',
				title_fr: 'Écoquartiers',
				title_ko: '생태 지구',
				title_en: 'Eco-districts',
				summary_fr: '=résumé qui ressemble à une formule',
				summary_ko: '',
				summary_en: '',
				created_at: '2026-11-28T09:00:00.000Z',
				updated_at: '2026-11-28T09:00:00.000Z',
				search_text: '',
				search_initials: ''
			})
			.execute();
		await db.insertInto('good_practice_organisation').values({ good_practice_id: practiceId, organisation_id: organisations['Issy-les-Moulineaux'] }).execute();
		await db.insertInto('good_practice_link').values({ id: newId(), good_practice_id: practiceId, url: 'https://www.issy.com', label: 'Issy', position: 0 }).execute();
	});
	afterAll(() => rmSync(directory, { recursive: true, force: true }));

	it('lets every reader of the group export, and nobody else', async () => {
		for (const role of ['administrator', 'coordinator', 'member', 'partner']) {
			expect((await exportGroupList(setup.context, actors[role], 'coree', 'organisations', 'csv')).ok, role).toBe(true);
		}
		const outsider: Actor = { kind: 'user', userId: newId(), isAdministrator: false, groupRoles: {} };
		expect(await exportGroupList(setup.context, outsider, 'coree', 'people', 'csv')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await exportGroupList(setup.context, { kind: 'anonymous' }, 'coree', 'people', 'xlsx')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await exportGroupList(setup.context, actors.member, 'japon', 'people', 'csv')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await exportGroupList(setup.context, actors.administrator, 'nowhere', 'people', 'csv')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const page = await getExchangePage(setup.context, actors.member, 'coree');
		expect(page.ok && page.value.canImport).toBe(false);
		const coordinatorPage = await getExchangePage(setup.context, actors.coordinator, 'coree');
		expect(coordinatorPage.ok && coordinatorPage.value.canImport).toBe(true);
	});

	it('writes organisations as CSV: UTF-8 with BOM, named after the group and the day, Hangul and accents intact', async () => {
		const { path, file } = await exported('organisations', 'csv');
		expect(file.fileName).toBe('dari-coree-organisations-2026-11-28.csv');
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = readCsv(path);
		expect(rows.find((row) => row.name_fr === 'Issy-les-Moulineaux')).toMatchObject({
			official_code_scheme: 'insee',
			official_code: '92040',
			name_ko: '이시레물리노',
			kind: 'commune',
			country_code: 'FR',
			region_name: 'Île-de-France',
			population: '67669',
			capacity: 'member',
			membership_status: 'active'
		});
	});

	it('writes people with their organisation and today’s title; the file imports back unchanged', async () => {
		const { path } = await exported('people', 'csv');
		const rows = readCsv(path);
		expect(rows.find((row) => row.family_name === 'MILLAN')).toMatchObject({
			organisation_official_code: '92040',
			organisation_name: 'Issy-les-Moulineaux',
			given_name: 'Caroline',
			preferred_language: 'fr',
			// On the participants list the reference minutes published: the demo has her consent.
			public_listing_consent: 'true',
			current_title: expect.stringMatching(/^Présidente du groupe-pays Corée/)
		});
		expect(rows.find((row) => row.family_name === 'KIM')).toMatchObject({ name_order: 'family-first', preferred_language: 'ko' });

		// Round trip: people without e-mail are recognised by name, those with one by e-mail.
		const back = await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'people', bytes: new Uint8Array(readFileSync(path)) });
		if (!back.ok) throw new Error(JSON.stringify(back));
		expect(back.value.counts).toMatchObject({ new: 0, update: 0, error: 0 });
		const organisations = await exported('organisations', 'csv');
		const again = await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes: new Uint8Array(readFileSync(organisations.path)) });
		if (!again.ok) throw new Error(JSON.stringify(again));
		expect(again.value.counts).toMatchObject({ new: 0, update: 0, error: 0 });
	});

	it('guards cells a spreadsheet would run as formulas, and the import takes the guard off again', async () => {
		const bytes = new TextEncoder().encode('kind,country_code,name_fr,address\nassociation,FR,=HYPERLINK("https://evil.example"),"+33 rue des Lilas"\n');
		expect(await confirmImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes })).toMatchObject({ ok: true, value: { created: 1 } });
		const { path } = await exported('organisations', 'csv');
		const text = readFileSync(path, 'utf8');
		expect(text).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
		expect(text).toContain("'+33 rue des Lilas");
		const again = await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes: new Uint8Array(readFileSync(path)) });
		expect(again.ok && again.value.counts).toMatchObject({ new: 0, update: 0, error: 0 });
		const practices = readCsv((await exported('practices', 'csv')).path);
		expect(practices.find((row) => row.title_en === 'Eco-districts')).toMatchObject({ title_ko: '생태 지구', summary_fr: "'=résumé qui ressemble à une formule", organisations: 'Issy-les-Moulineaux', links: 'https://www.issy.com' });
	});

	it('writes partnerships with their timeline and themes', async () => {
		const rows = readCsv((await exported('partnerships', 'csv')).path).filter((row) => row.foreign_region === '충청남도');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			french_organisation: 'Région Auvergne-Rhône-Alpes',
			french_organisation_official_code: '84',
			foreign_organisation: '',
			foreign_country_code: 'KR',
			foreign_region: '충청남도',
			kind: 'cooperation-agreement',
			status: 'negotiation',
			status_timeline: '2023: idea; 2024-02: negotiation',
			verified: 'false'
		});
		expect(rows[0].themes.split('|')).toHaveLength(2);
	});

	it('writes XLSX workbooks that read back: a frozen bold header, widths, numbers as numbers', async () => {
		const { path, file } = await exported('organisations', 'xlsx');
		expect(file.fileName).toBe('dari-coree-organisations-2026-11-28.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(path);
		const sheet = workbook.worksheets[0];
		expect(sheet.name).toBe('organisations');
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getRow(1).font?.bold).toBe(true);
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header.slice(0, 3)).toEqual(['official_code_scheme', 'official_code', 'name_fr']);
		const issy = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(3).value === 'Issy-les-Moulineaux')!;
		expect(issy.getCell(4).value).toBe('이시레물리노');
		expect(issy.getCell(header.indexOf('population') + 1).value).toBe(67669);
		expect(sheet.getColumn(3).width).toBeGreaterThan(10);

		for (const list of ['people', 'partnerships', 'practices'] as const) {
			const other = new ExcelJS.Workbook();
			await other.xlsx.readFile((await exported(list, 'xlsx')).path);
			expect(other.worksheets[0].rowCount, list).toBeGreaterThan(1);
		}
	});
});
