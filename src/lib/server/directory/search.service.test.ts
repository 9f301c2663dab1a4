import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
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
		expect((await names('ㄱㄹㄱ')).organisations).toEqual(['Guro-gu (Séoul)']);
		// 그랑테스트 (Grand Est) starts with ㄱㄹ too.
		expect((await names('ㄱㄹ')).organisations).toContain('Guro-gu (Séoul)');
		expect((await names('ㄴㅌ')).organisations).toEqual(['Nantes', 'Nantes Métropole']);
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
		expect((await names('낭')).organisations).toEqual(['Nantes', 'Nantes Métropole']);
	});

	it('finds partnerships by either side or the region, and practices by their titles', async () => {
		const search = async (query: string) => {
			const result = await searchDirectory(setup.context, member, 'coree', query);
			if (!result.ok) throw new Error(result.reason);
			return result.value;
		};
		// The demo register (partenariats-franco-coreens.md): Issy-les-Moulineaux and Guro-gu.
		expect((await search('issy guro')).partnerships.map((found) => [found.frenchName.fr, found.foreignName?.fr, found.kind])).toEqual([
			['Issy-les-Moulineaux', 'Guro-gu (Séoul)', 'twinning']
		]);
		expect((await search('ㄱㄹㄱ')).partnerships.map((found) => found.foreignName?.ko)).toEqual(['서울특별시 구로구']);
		// The region's partner is still to be identified: found by the region's name and the French side.
		const toIdentify = (await search('auvergne province')).partnerships;
		expect(toIdentify).toEqual([expect.objectContaining({ foreignName: null, foreignCountryCode: 'KR', status: 'negotiation' })]);
		expect((await search('compostage')).practices.map((found) => found.title)).toEqual([
			{ fr: 'Méthodes de compostage en Corée', ko: '한국의 퇴비화 방법', en: expect.any(String) }
		]);
		expect((await search('퇴비')).practices).toHaveLength(1);
		expect((await search('ㅌㅂ')).practices).toHaveLength(1);
		expect((await search('50%')).partnerships).toEqual([]);
	});

	it('finds the organisations of the whole directory: partnerships’ foreign sides and practices’ authors too', async () => {
		expect((await names('nice')).organisations).toEqual(['Nice']);
		expect((await names('yanggu')).organisations).toEqual(['Yanggu-gun (Province de Gangwon)']);
	});

	it('searches only groups one may see', async () => {
		expect(await searchDirectory(setup.context, member, 'japon', 'issy')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await searchDirectory(setup.context, anonymous, 'coree', 'issy')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
	});
});
