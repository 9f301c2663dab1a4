import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { createOrganisationInGroup } from './organisation.service';
import { organisationInputSchema } from './organisation.schema';
import { searchDirectory } from './search.service';
import { isInitialConsonantQuery, searchKeys } from './search-keys';

describe('search keys', () => {
	it('keeps names without accents and the initial consonants of Korean names', () => {
		expect(searchKeys(['Région Auvergne-Rhône-Alpes', '오베르뉴론알프 레지옹', null])).toEqual({
			text: 'region auvergne rhone alpes | 오베르뉴론알프 레지옹',
			initials: 'ㅇㅂㄹㄴㄹㅇㅍ ㄹㅈㅇ'
		});
		expect(isInitialConsonantQuery('ㄱㄹ')).toBe(true);
		expect(isInitialConsonantQuery('구로')).toBe(false);
		expect(isInitialConsonantQuery('  ')).toBe(false);
	});
});

describeEachDatabase('searching a group’s directory', (setup) => {
	let member: Actor;
	const names = async (query: string) => {
		const result = await searchDirectory(setup.context, member, 'coree', query);
		if (!result.ok) throw new Error(result.reason);
		return { organisations: result.value.organisations.map((organisation) => organisation.name.fr), people: result.value.people.map((person) => person.displayName) };
	};

	beforeAll(async () => {
		await loadDemoData(setup.context);
		const signedIn = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error('sign-in failed');
		const coordinator = await loadActor(setup.context, signedIn.value.user);
		const parsed = organisationInputSchema.parse({ kind: 'autonomous-gu', countryCode: 'KR', nameFr: 'Guro-gu (Séoul)', nameKo: '서울특별시 구로구', website: '' });
		await createOrganisationInGroup(setup.context, coordinator, 'coree', { ...parsed, capacity: 'partner' });
		const memberSignIn = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!memberSignIn.ok) throw new Error('sign-in failed');
		member = await loadActor(setup.context, memberSignIn.value.user);
	});

	it('ignores accents, case and punctuation in French', async () => {
		expect((await names('ISSY LES')).organisations).toEqual(['Issy-les-Moulineaux']);
		expect((await names('rhone')).organisations).toEqual(['Région Auvergne-Rhône-Alpes']);
		expect((await names('région rhône')).organisations).toEqual(['Région Auvergne-Rhône-Alpes']);
		expect((await names('MILLAN')).people).toEqual(['Caroline MILLAN']);
		expect((await names('rouquette virginie')).people).toEqual(['Virginie ROUQUETTE']);
	});

	it('finds Korean by syllables and by initial consonants', async () => {
		expect((await names('구로')).organisations).toEqual(['Guro-gu (Séoul)']);
		expect((await names('ㄱㄹ')).organisations).toEqual(['Guro-gu (Séoul)']);
		expect((await names('ㄴㅌ')).organisations).toEqual(['Nantes Métropole']);
		expect((await names('hyoung')).people).toEqual(['KIM Hyoung Jin']);
	});

	it('takes LIKE wildcards literally and finds nothing for nothing', async () => {
		expect(await names('%')).toEqual({ organisations: [], people: [] });
		expect(await names('_')).toEqual({ organisations: [], people: [] });
		expect(await names('   ')).toEqual({ organisations: [], people: [] });
	});

	it('does not run a one-letter query, but runs one Hangul syllable', async () => {
		const letter = await searchDirectory(setup.context, member, 'coree', 'i');
		expect(letter).toMatchObject({ ok: true, value: { tooShort: true, organisations: [], people: [] } });
		expect((await names('낭')).organisations).toEqual(['Nantes Métropole']);
	});

	it('finds partnerships by either side or the region, and practices by their titles', async () => {
		const db = setup.context.db;
		const group = await db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
		const issy = await db.selectFrom('organisation').select('id').where('name_fr', '=', 'Issy-les-Moulineaux').executeTakeFirstOrThrow();
		const guro = await db.selectFrom('organisation').select('id').where('name_fr', '=', 'Guro-gu (Séoul)').executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		const partnership = (id: string, foreign: string | null, region: string | null, names: (string | null)[]) => {
			const keys = searchKeys(names);
			return {
				id, group_id: group.id, french_organisation_id: issy.id, foreign_organisation_id: foreign, foreign_country_code: 'KR', foreign_region: region,
				kind: 'twinning' as const, status: 'active' as const, description_fr: '', description_ko: '', sources: '', verified: 1,
				created_at: now, updated_at: now, search_text: keys.text, search_initials: keys.initials
			};
		};
		await db.insertInto('partnership').values([
			partnership('10000000-0000-4000-8000-000000000001', guro.id, null, ['Issy-les-Moulineaux', 'Guro-gu (Séoul)', '서울특별시 구로구']),
			partnership('10000000-0000-4000-8000-000000000002', null, 'Gyeonggi-do', ['Issy-les-Moulineaux', 'Gyeonggi-do'])
		]).execute();
		const practiceKeys = searchKeys(['Méthodes coréennes de compostage', '한국의 퇴비화 방법']);
		await db.insertInto('good_practice').values({
			id: '10000000-0000-4000-8000-000000000003', group_id: group.id, country_code: 'KR', title_fr: 'Méthodes coréennes de compostage', title_ko: '한국의 퇴비화 방법', title_en: '',
			summary_fr: '', summary_ko: '', summary_en: '', created_at: now, updated_at: now, search_text: practiceKeys.text, search_initials: practiceKeys.initials
		}).execute();

		const search = async (query: string) => {
			const result = await searchDirectory(setup.context, member, 'coree', query);
			if (!result.ok) throw new Error(result.reason);
			return result.value;
		};
		expect((await search('issy guro')).partnerships.map((found) => found.foreignName?.fr)).toEqual(['Guro-gu (Séoul)']);
		expect((await search('ㄱㄹ')).partnerships).toHaveLength(1);
		const toIdentify = (await search('gyeonggi')).partnerships;
		expect(toIdentify).toEqual([expect.objectContaining({ foreignName: null, foreignRegion: 'Gyeonggi-do', status: 'active', kind: 'twinning' })]);
		expect((await search('compostage')).practices).toEqual([{ id: '10000000-0000-4000-8000-000000000003', countryCode: 'KR', title: { fr: 'Méthodes coréennes de compostage', ko: '한국의 퇴비화 방법', en: 'Méthodes coréennes de compostage' } }]);
		expect((await search('퇴비')).practices).toHaveLength(1);
		expect((await search('50%')).partnerships).toEqual([]);
	});

	it('searches only groups one may see', async () => {
		expect(await searchDirectory(setup.context, member, 'japon', 'issy')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await searchDirectory(setup.context, anonymous, 'coree', 'issy')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
	});
});
