import { describe, expect, it } from 'vitest';
import { findOfficialAuthority, searchOfficialAuthorities } from './official-lists.service';
import { organisationInputSchema } from './organisation.schema';

const TODAY = '2026-11-28';

describe('picking an authority from the official lists', () => {
	it('fills a French commune: official name, INSEE code, département, région, population', () => {
		const [issy] = searchOfficialAuthorities('ISSY LES MOULINEAUX', { country: 'FR', onDate: TODAY });
		expect(issy).toMatchObject({
			pick: 'insee:92040',
			kind: 'commune',
			countryCode: 'FR',
			nameFr: 'Issy-les-Moulineaux',
			departementCode: '92',
			regionCode: '11',
			regionName: 'Île-de-France'
		});
		expect(issy.population).toBeGreaterThan(60_000);
		expect(findOfficialAuthority('insee:92040', TODAY)).toEqual(issy);
	});

	it('fills an EPCI by SIREN and a région by its INSEE code', () => {
		expect(findOfficialAuthority('siren:244400404', TODAY)).toMatchObject({ kind: 'epci', nameFr: 'Nantes Métropole', officialCode: '244400404' });
		expect(findOfficialAuthority('insee-region:84', TODAY)).toMatchObject({ kind: 'region', nameFr: 'Auvergne-Rhône-Alpes' });
	});

	it('fills a Korean government with its names in Korean, romanized and French, and its province', () => {
		const [guro] = searchOfficialAuthorities('ㄱㄹ', { country: 'KR', onDate: TODAY });
		expect(guro).toMatchObject({ kind: 'autonomous-gu', countryCode: 'KR', officialCodeScheme: 'kr-local', nameKo: '서울특별시 구로구', regionCode: 'KR-11' });
		expect(findOfficialAuthority(guro.pick, TODAY)).toEqual(guro);
		expect(findOfficialAuthority('iso-3166-2:KR-41', TODAY)).toMatchObject({ kind: 'province', nameKo: '경기도' });
	});

	it('gives back a choice the organisation form accepts as it is', () => {
		for (const pick of ['insee:92040', 'siren:244400404', 'insee-region:84', 'iso-3166-2:KR-42', searchOfficialAuthorities('구로', { country: 'KR', onDate: TODAY })[0].pick]) {
			const choice = findOfficialAuthority(pick, TODAY)!;
			const parsed = organisationInputSchema.safeParse({
				kind: choice.kind,
				countryCode: choice.countryCode,
				nameFr: choice.nameFr,
				nameKo: choice.nameKo ?? '',
				nameEn: choice.nameEn ?? '',
				officialCodeScheme: choice.officialCodeScheme,
				officialCode: choice.officialCode,
				population: choice.population === null ? '' : String(choice.population)
			});
			expect(parsed.success, pick).toBe(true);
			if (parsed.success) expect(parsed.data.officialCode).toBe(choice.officialCode);
		}
	});

	it('names nothing for malformed or unknown picks', () => {
		for (const pick of ['', '92040', 'insee:99999', 'siren:244400405', 'kr-local:KR-11:nowhere', 'iso-3166-2:KR-11:jongno-gu', 'mairie:1']) {
			expect(findOfficialAuthority(pick, TODAY), pick).toBeNull();
		}
		expect(searchOfficialAuthorities('   ', { country: 'FR', onDate: TODAY })).toEqual([]);
	});
});
