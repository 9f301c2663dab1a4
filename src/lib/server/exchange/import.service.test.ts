import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { getGroupOverview } from '../directory/directory.service';
import { addPerson, getOrganisationRecord } from '../directory/organisation-record.service';
import { createOrganisationInGroup } from '../directory/organisation.service';
import { organisationInputSchema } from '../directory/organisation.schema';
import { personInputSchema } from '../directory/person.schema';
import { confirmImport, previewImport, type ImportPreview } from './import.service';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/csv');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Each line as "line status label", the shortest way to read a preview. */
const summary = (preview: ImportPreview) => preview.rows.map((row) => `${row.line} ${row.status} ${row.label}`);

describeEachDatabase('CSV import', (setup) => {
	const actors: Record<string, Actor> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const countOf = async (table: 'organisation' | 'person' | 'change_log' | 'group_membership') =>
		Number((await setup.context.db.selectFrom(table).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()).count);
	const preview = async (kind: 'organisations' | 'people', bytes: Uint8Array, actor = actors.coordinator) => {
		const result = await previewImport(setup.context, actor, 'coree', { kind, bytes });
		if (!result.ok) throw new Error(JSON.stringify(result));
		return result.value;
	};

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.administrator = await actorFor('admin@demo.dari.test');
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
		actors.partner = await actorFor('partner@demo.dari.test');
	});

	it('refuses members, partners, anonymous visitors and unknown groups', async () => {
		const file = { kind: 'organisations' as const, bytes: fixture('organisations-utf8.csv') };
		expect(await previewImport(setup.context, actors.member, 'coree', file)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await previewImport(setup.context, actors.partner, 'coree', file)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await previewImport(setup.context, { kind: 'anonymous' }, 'coree', file)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await confirmImport(setup.context, actors.member, 'coree', file)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await previewImport(setup.context, actors.coordinator, 'nowhere', file)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		// The coordinator of the Korea group is no coordinator of the Japan group.
		expect(await previewImport(setup.context, actors.coordinator, 'japon', file)).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});

	it('previews a UTF-8 file line by line — new, update by official code, duplicate by name — and writes nothing', async () => {
		const before = await Promise.all([countOf('organisation'), countOf('change_log'), countOf('group_membership')]);
		const result = await preview('organisations', fixture('organisations-utf8.csv'));
		expect(result).toMatchObject({ encoding: 'utf-8', separator: ',', canConfirm: true, counts: { new: 2, update: 1, unchanged: 0, duplicate: 1, error: 0 } });
		expect(summary(result)).toEqual(['2 new Poitiers', '3 new Besançon', '4 update Dijon', '5 duplicate ISSY LES MOULINEAUX']);
		expect(result.rows[2].changes).toEqual([{ column: 'website', before: null, after: 'https://www.dijon.fr' }]);
		expect(result.rows[3].duplicateOf).toEqual({ existing: 'Issy-les-Moulineaux' });
		expect(await Promise.all([countOf('organisation'), countOf('change_log'), countOf('group_membership')])).toEqual(before);
	});

	it('reads UTF-8 with a byte-order mark (Hangul), Windows-1252 with semicolons (é, ç, œ) and EUC-KR', async () => {
		const withBom = await preview('organisations', fixture('organisations-utf8-bom.csv'));
		expect(withBom).toMatchObject({ encoding: 'utf-8-bom', separator: ',', counts: { new: 1, error: 0 } });
		expect(summary(withBom)).toEqual(['2 new Gwangju']);

		const windows = await preview('organisations', fixture('organisations-windows-1252.csv'));
		expect(windows).toMatchObject({ encoding: 'windows-1252', separator: ';', counts: { new: 3, error: 0 } });
		expect(summary(windows)).toEqual(['2 new Orléans', '3 new Besançon', '4 new Association française du Cœur']);

		// Excel on Korean Windows: EUC-KR (code page 949).
		const korean = await preview('organisations', fixture('organisations-euc-kr.csv'));
		expect(korean).toMatchObject({ encoding: 'euc-kr', separator: ',', counts: { new: 2, error: 0 } });
		expect(summary(korean)).toEqual(['2 new Busan', '3 new Gyeonggi']);
	});

	it('names the missing and unknown columns of a wrong header, and refuses files that are not CSV text', async () => {
		const file = { kind: 'organisations' as const, bytes: fixture('organisations-bad-header.csv') };
		expect(await previewImport(setup.context, actors.coordinator, 'coree', file)).toEqual({
			ok: false,
			reason: 'BAD_HEADER',
			missing: ['kind', 'name_fr'],
			unknown: ['type', 'nom'],
			repeated: []
		});
		const people = await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'people', bytes: utf8('given_name,family_name,email,email\nA,B,a@b.fr,a@b.fr\n') });
		expect(people).toEqual({ ok: false, reason: 'BAD_HEADER', missing: ['organisation_official_code / organisation_name'], unknown: [], repeated: ['email'] });
		expect(await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) })).toEqual({ ok: false, reason: 'NOT_CSV' });
		expect(await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41) })).toMatchObject({ ok: false, reason: 'FILE_TOO_LARGE' });
		expect(await previewImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes: utf8('kind,country_code,name_fr\ncommune,FR,"Tours\n') })).toEqual({ ok: false, reason: 'MALFORMED_CSV', line: 2 });
	});

	it('names the line and column of each error; with one line in error, confirming writes nothing', async () => {
		const file = { kind: 'organisations' as const, bytes: fixture('organisations-one-bad-line.csv') };
		const result = await preview('organisations', file.bytes);
		expect(result.canConfirm).toBe(false);
		expect(summary(result)).toEqual(['2 new Saint-Malo', '3 error Nulle-Part', '4 new Vannes']);
		expect(result.rows[1].problems).toEqual([{ column: 'official_code', code: 'invalid_code' }]);

		const before = await Promise.all([countOf('organisation'), countOf('change_log')]);
		const confirmed = await confirmImport(setup.context, actors.coordinator, 'coree', file);
		expect(confirmed).toMatchObject({ ok: false, reason: 'HAS_ERRORS', preview: { counts: { error: 1 } } });
		expect(await Promise.all([countOf('organisation'), countOf('change_log')])).toEqual(before);

		const more = await preview('organisations', utf8('kind,country_code,name_fr,capacity\ncommune,XX,Nulle-Part,member\n,FR,Sans-Genre,member\ncommune,FR,Trop,\ncommune,FR,Trois,member,en trop\ncommune,FR\nregion,FR,X,chef\n'));
		expect(more.rows.map((row) => [row.line, row.problems])).toEqual([
			[2, [{ column: 'country_code', code: 'invalid_country' }]],
			[3, [{ column: 'kind', code: 'invalid_choice' }]],
			[4, []],
			[5, [{ column: null, code: 'wrong_column_count', expected: 4, found: 5 }]],
			[6, [{ column: null, code: 'wrong_column_count', expected: 4, found: 2 }]],
			[7, [{ column: 'capacity', code: 'invalid_choice' }]]
		]);
	});

	it('confirms: every line written in one transaction, with memberships and change-log entries', async () => {
		const file = { kind: 'organisations' as const, bytes: fixture('organisations-utf8.csv') };
		const result = await confirmImport(setup.context, actors.coordinator, 'coree', file);
		expect(result).toEqual({ ok: true, value: { created: 2, updated: 1, unchanged: 0, skipped: 1 } });

		const overview = await getGroupOverview(setup.context, actors.member, 'coree');
		if (!overview.ok) throw new Error(overview.reason);
		const poitiers = overview.value.members.find((member) => member.name.fr === 'Poitiers');
		expect(poitiers).toMatchObject({ capacity: 'member', officialCode: '86194', name: { ko: '푸아티에' }, website: 'https://www.poitiers.fr' });
		expect(overview.value.members.filter((member) => member.name.fr === 'Issy-les-Moulineaux')).toHaveLength(1);

		const record = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', poitiers!.organisationId);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.history[0]).toMatchObject({ action: 'create', by: 'KIM Hyoung Jin', changes: { nameFr: 'Poitiers', source: 'csv-import', line: 2 } });
		const dijon = overview.value.members.find((member) => member.name.fr === 'Dijon')!;
		const dijonRecord = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', dijon.organisationId);
		expect(dijonRecord.ok && dijonRecord.value.history[0]).toMatchObject({ action: 'update', changes: { website: [null, 'https://www.dijon.fr'] } });

		// The same file again: nothing left to do.
		const again = await preview('organisations', file.bytes);
		expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 3, duplicate: 1, error: 0 });
		expect(again.canConfirm).toBe(false);
	});

	it('is all or nothing: a write failing on the last line leaves none of the others', async () => {
		// A trigger refuses one organisation at write time, after the lines before it were inserted.
		if (setup.dialect === 'sqlite') {
			await sql`create trigger refuse_boom before insert on organisation when new.name_fr = 'Boom' begin select raise(abort, 'boom'); end`.execute(setup.context.db);
		} else {
			await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin if new.name_fr = 'Boom' then raise exception 'boom'; end if; return new; end $$`.execute(setup.context.db);
			await sql`create trigger refuse_boom before insert on organisation for each row execute function refuse_boom()`.execute(setup.context.db);
		}
		const before = await Promise.all([countOf('organisation'), countOf('change_log'), countOf('group_membership')]);
		const bytes = utf8('kind,country_code,name_fr\ncommune,FR,Lorient\ncommune,FR,Quimper\ncommune,FR,Boom\n');
		expect((await preview('organisations', bytes)).canConfirm).toBe(true);
		await expect(confirmImport(setup.context, actors.coordinator, 'coree', { kind: 'organisations', bytes })).rejects.toThrow(/boom/);
		expect(await Promise.all([countOf('organisation'), countOf('change_log'), countOf('group_membership')])).toEqual(before);
		await sql`drop trigger refuse_boom${sql.raw(setup.dialect === 'postgres' ? ' on organisation' : '')}`.execute(setup.context.db);
	});

	it('finds duplicates inside the file, by official code and by name', async () => {
		const result = await preview(
			'organisations',
			utf8('kind,country_code,name_fr,official_code_scheme,official_code,population\ncommune,FR,Brest,insee,29019,"139 602"\ncommune,FR,Brest (bis),insee,29019,\ncommune,FR,BREST,,,\ncommune,FR,Saint-Martin,insee,97127,\ncommune,FR,Saint Martin,insee,17369,\n')
		);
		expect(summary(result)).toEqual(['2 new Brest', '3 duplicate Brest (bis)', '4 duplicate BREST', '5 new Saint-Martin', '6 new Saint Martin']);
		expect(result.rows[0].problems).toEqual([]);
		expect(result.rows[1].duplicateOf).toEqual({ line: 2 });
	});

	it('imports people: new with a title, update by e-mail, duplicate by name, each error named', async () => {
		const file = { kind: 'people' as const, bytes: fixture('people-utf8.csv') };
		const result = await preview('people', file.bytes);
		expect(summary(result)).toEqual(['2 new Amélie DURAND', '3 duplicate Jiae YANG', '4 update Inssafe EL IDRISSI']);
		expect(result.rows[0].organisation).toBe('Dijon');
		expect(result.rows[2].changes).toEqual([{ column: 'phone', before: null, after: '+33 1 53 41 81 81' }]);

		const confirmed = await confirmImport(setup.context, actors.coordinator, 'coree', file);
		expect(confirmed).toEqual({ ok: true, value: { created: 1, updated: 1, unchanged: 0, skipped: 1 } });
		const overview = await getGroupOverview(setup.context, actors.coordinator, 'coree');
		if (!overview.ok) throw new Error(overview.reason);
		const dijon = overview.value.members.find((member) => member.name.fr === 'Dijon')!;
		expect(dijon.people.find((person) => person.displayName === 'Amélie DURAND')).toMatchObject({
			email: 'amelie.durand@example.fr',
			phone: '+33 3 80 00 00 00',
			title: 'Chargée des relations internationales'
		});

		const errors = await preview(
			'people',
			utf8(
				'organisation_official_code,given_name,family_name,email,public_listing_consent,title_valid_from\n' +
					'21231,Jean,MARTIN,jean@,oui,\n' +
					'99999,Marie,CURIE,,,\n' +
					',Paul,,,peut-être,\n' +
					'21231,Luc,BERNARD,,,2024-02-30\n'
			)
		);
		expect(errors.rows.map((row) => [row.line, row.status, row.problems])).toEqual([
			[2, 'error', [{ column: 'email', code: 'invalid_email' }]],
			[3, 'error', [{ column: 'organisation_official_code', code: 'unknown_organisation' }]],
			[
				4,
				'error',
				[
					{ column: 'public_listing_consent', code: 'invalid_boolean' },
					{ column: 'family_name', code: 'required' },
					{ column: 'organisation_official_code', code: 'organisation_required' }
				]
			],
			// Dates without a title: the title is asked for too.
			[
				5,
				'error',
				[
					{ column: 'title_valid_from', code: 'invalid_date' },
					{ column: 'current_title', code: 'required' }
				]
			]
		]);
	});

	it('refuses moving a person of another group’s organisation, found by their e-mail', async () => {
		const parse = <T>(schema: { parse(value: unknown): T }, fields: Record<string, string>) => schema.parse(fields);
		const created = await createOrganisationInGroup(setup.context, actors.administrator, 'japon', parse(organisationInputSchema, { kind: 'commune', countryCode: 'FR', nameFr: 'Autre-Ville' }));
		if (!created.ok) throw new Error(created.reason);
		await addPerson(setup.context, actors.administrator, 'japon', created.value.organisationId, parse(personInputSchema, { givenName: 'Hors', familyName: 'GROUPE', email: 'hors@example.jp' }));
		const result = await preview('people', utf8('organisation_name,given_name,family_name,email\nDijon,Hors,GROUPE,HORS@example.jp\n'));
		expect(result.rows[0]).toMatchObject({ status: 'error', problems: [{ column: 'email', code: 'email_outside_group' }] });
	});
});

describe('import limits', () => {
	it('are documented numbers', async () => {
		const { MAX_IMPORT_BYTES, MAX_IMPORT_LINES } = await import('./exchange.schema');
		expect(MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
		expect(MAX_IMPORT_LINES).toBe(5000);
	});
});
