import { describe, expect, it } from 'vitest';
import {
	findFrenchAuthorityByCode,
	isInseeCode,
	isSirenCode,
	searchFrenchAuthorities,
	type FrenchAuthority
} from './french-authorities';

const firstResult = (query: string, options?: Parameters<typeof searchFrenchAuthorities>[1]) =>
	searchFrenchAuthorities(query, options)[0];
const describeBriefly = (authority: FrenchAuthority) => `${authority.kind} ${authority.officialName}`;

describe('searching French authorities by name', () => {
	it('ignores accents, case, punctuation and spacing', () => {
		for (const query of ['issy les moulineaux', 'ISSY-LES-MOULINEAUX', '  Issy  les  Moulineaux ']) {
			expect(firstResult(query)).toMatchObject({ kind: 'commune', inseeCode: '92040', officialName: 'Issy-les-Moulineaux' });
		}
	});

	it('reads a leading "région", "département", "ville"… as the kind wanted', () => {
		expect(firstResult('region auvergne')).toMatchObject({ kind: 'region', inseeCode: '84', officialName: 'Auvergne-Rhône-Alpes' });
		expect(firstResult('departement du nord')).toMatchObject({ kind: 'departement', inseeCode: '59' });
		expect(firstResult('departement de l ain')).toMatchObject({ kind: 'departement', inseeCode: '01' });
		expect(firstResult("Ville d'Issy-les-Moulineaux")).toMatchObject({ inseeCode: '92040' });
		// A commune whose name starts with such a word is still found by its whole name.
		expect(firstResult("Ville-d'Avray")).toMatchObject({ kind: 'commune', inseeCode: '92077' });
	});

	it('finds intercommunal bodies by their name, in any word order, abbreviated or in full', () => {
		expect(firstResult('nantes metropole')).toMatchObject({ kind: 'epci', sirenCode: '244400404', epciType: 'METRO' });
		expect(firstResult('metropole nantes')).toMatchObject({ sirenCode: '244400404' });
		expect(firstResult('communauté de communes Faucigny-Glières')).toMatchObject({ officialName: 'CC Faucigny - Glières' });
	});

	it('ranks the exact name first, then names starting with the query, then names with a word starting with it', () => {
		const results = searchFrenchAuthorities('dijon', { limit: 3 }).map(describeBriefly);
		expect(results).toEqual(['commune Dijon', 'epci Dijon Métropole', 'epci CC de la Plaine Dijonnaise']);
	});

	it('ranks names of equal match by population, largest first', () => {
		const startingWithSaintEtienne = searchFrenchAuthorities('saint etienne', { limit: 20 }).slice(2);
		const populations = startingWithSaintEtienne.map((authority) => authority.population ?? -1);
		expect(populations).toEqual([...populations].sort((a, b) => b - a));
	});

	it('understands the St and Ste abbreviations', () => {
		const inFull = searchFrenchAuthorities('saint etienne');
		expect(inFull[0]).toMatchObject({ inseeCode: '42218', officialName: 'Saint-Étienne' });
		expect(searchFrenchAuthorities('st etienne')).toEqual(inFull);
		expect(searchFrenchAuthorities('St-Étienne')).toEqual(inFull);
		expect(firstResult('ste foy les lyon')).toMatchObject({ officialName: 'Sainte-Foy-lès-Lyon' });
	});

	it("includes the municipal arrondissements of Paris, Lyon and Marseille (Paris 15e and 17e have Korean partners)", () => {
		expect(firstResult('paris 15')).toMatchObject({
			kind: 'commune',
			inseeCode: '75115',
			officialName: 'Paris 15e Arrondissement',
			// An arrondissement has no legal personality, hence no SIREN.
			sirenCode: null
		});
		expect(firstResult('paris 17')).toMatchObject({ inseeCode: '75117' });
		expect(firstResult('marseille 1er')).toMatchObject({ inseeCode: '13201' });
	});

	it('leaves out communes déléguées, which are no longer authorities', () => {
		// Arbignieu (01015) is a commune déléguée of Arboys en Bugey since 2016.
		expect(searchFrenchAuthorities('arbignieu')).toEqual([]);
	});

	it('lists collectivités à statut particulier once, under their own kind', () => {
		expect(firstResult('paris')).toMatchObject({ kind: 'collectivite-statut-particulier', inseeCode: '75056', sirenCode: '217500016' });
		expect(firstResult('departement de paris')).toMatchObject({ inseeCode: '75056' });
		expect(firstResult('Métropole de Lyon')).toMatchObject({ kind: 'collectivite-statut-particulier', epciType: 'MET69' });
		expect(firstResult('Grand Lyon')).toMatchObject({ officialName: 'Métropole de Lyon' });
		for (const query of ['Corse', 'Collectivité de Corse', 'Corse-du-Sud', 'Haute-Corse']) {
			expect(firstResult(query)).toMatchObject({ kind: 'collectivite-statut-particulier', inseeCode: '94' });
		}
		expect(searchFrenchAuthorities('martinique', { kinds: ['region', 'departement', 'collectivite-statut-particulier'] })).toEqual([
			expect.objectContaining({ kind: 'collectivite-statut-particulier', inseeCode: '02' })
		]);
		expect(firstResult('mayotte')).toMatchObject({ kind: 'collectivite-statut-particulier', inseeCode: '976' });
	});

	it('keeps only the kinds asked for, and at most the number asked for', () => {
		const epciOnly = searchFrenchAuthorities('dijon', { kinds: ['epci'] });
		expect(epciOnly[0]).toMatchObject({ officialName: 'Dijon Métropole' });
		expect(epciOnly.every((authority) => authority.kind === 'epci')).toBe(true);
		expect(searchFrenchAuthorities('saint', { limit: 3 })).toHaveLength(3);
		expect(searchFrenchAuthorities('saint')).toHaveLength(10);
		expect(searchFrenchAuthorities('saint', { limit: 0 })).toEqual([]);
		// Short and long lists are ranked by two code paths: they must agree.
		expect(searchFrenchAuthorities('saint', { limit: 200 }).slice(0, 10)).toEqual(searchFrenchAuthorities('saint'));
	});

	it('finds nothing for an empty or punctuation-only query', () => {
		expect(searchFrenchAuthorities('')).toEqual([]);
		expect(searchFrenchAuthorities(' - ')).toEqual([]);
	});

	it('fills population, département and région for communes', () => {
		expect(firstResult('suippes')).toMatchObject({
			departement: { code: '51', name: 'Marne' },
			region: { code: '44', name: 'Grand Est' }
		});
		const communes = searchFrenchAuthorities('saint', { kinds: ['commune'], limit: 500 });
		expect(communes).toHaveLength(500);
		for (const commune of communes) {
			expect(commune.departement, commune.officialName).not.toBeNull();
			expect(commune.region, commune.officialName).not.toBeNull();
			expect(commune.population, commune.officialName).toBeGreaterThan(0);
		}
	});

	it('returns frozen objects, so that no caller can change what others see', () => {
		const dijon = firstResult('dijon');
		expect(Object.isFrozen(dijon)).toBe(true);
		expect(Object.isFrozen(dijon.departement)).toBe(true);
	});
});

describe('the organisations of the reference minutes (27 February 2024)', () => {
	// Written as in the minutes' list of participants; codes checked in the package's data.
	const organisations: [string, Partial<FrenchAuthority>][] = [
		['SUIPPES', { kind: 'commune', inseeCode: '51559', sirenCode: '215105198' }],
		['ISSY LES MOULINEAUX', { kind: 'commune', inseeCode: '92040', sirenCode: '219200409' }],
		['DIJON', { kind: 'commune', inseeCode: '21231', sirenCode: '212102313' }],
		['NANTES METROPOLE', { kind: 'epci', inseeCode: null, sirenCode: '244400404' }],
		["CONSEIL REGIONAL D'AUVERGNE-RHONE-ALPES", { kind: 'region', inseeCode: '84' }],
		['Région Auvergne-Rhône-Alpes', { kind: 'region', inseeCode: '84' }]
	];
	for (const [writtenAs, expected] of organisations) {
		it(`finds ${writtenAs} by name, and by code when it has one`, () => {
			const found = firstResult(writtenAs);
			expect(found).toMatchObject(expected);
			const code = found.sirenCode ?? found.inseeCode;
			if (code && (isInseeCode(code) || isSirenCode(code))) expect(findFrenchAuthorityByCode(code)).toBe(found);
		});
	}
});

describe('finding an authority by its code', () => {
	it('finds communes by INSEE code, including Corsica and overseas', () => {
		expect(findFrenchAuthorityByCode('92040')).toMatchObject({ officialName: 'Issy-les-Moulineaux' });
		expect(findFrenchAuthorityByCode('2A004')).toMatchObject({ officialName: 'Ajaccio', departement: { code: '2A' } });
		expect(findFrenchAuthorityByCode('2a004')).toMatchObject({ officialName: 'Ajaccio' });
		expect(findFrenchAuthorityByCode('97209')).toMatchObject({ officialName: 'Fort-de-France' });
		expect(findFrenchAuthorityByCode('75115')).toMatchObject({ officialName: 'Paris 15e Arrondissement' });
	});

	it('finds communes and EPCI by SIREN, written with or without spaces', () => {
		expect(findFrenchAuthorityByCode('244400404')).toMatchObject({ officialName: 'Nantes Métropole' });
		expect(findFrenchAuthorityByCode('244 400 404')).toMatchObject({ officialName: 'Nantes Métropole' });
		expect(findFrenchAuthorityByCode('219200409')).toMatchObject({ officialName: 'Issy-les-Moulineaux' });
	});

	it('returns null for malformed codes and for codes nobody has', () => {
		for (const code of ['', '9204', '920400', '20004', '00001', '96001', 'ABCDE', '24440040', '244400405', '2440040404']) {
			expect(findFrenchAuthorityByCode(code), code).toBeNull();
		}
		// Well-formed but unassigned.
		expect(isInseeCode('01999')).toBe(true);
		expect(findFrenchAuthorityByCode('01999')).toBeNull();
	});
});

describe('code formats', () => {
	it('accepts INSEE commune codes of every département, and nothing else', () => {
		for (const code of ['01001', '19001', '21231', '2A004', '2B033', '95001', '97105', '97611', '98818']) {
			expect(isInseeCode(code), code).toBe(true);
		}
		for (const code of ['20004', '00001', '96001', '2C004', '2a004', '9204', '920400', '84', ' 92040']) {
			expect(isInseeCode(code), code).toBe(false);
		}
	});

	it('checks the Luhn digit of a SIREN', () => {
		for (const siren of ['244400404', '219200409', '215105198', '200046977', '217500016']) {
			expect(isSirenCode(siren), siren).toBe(true);
		}
		expect(isSirenCode('24440040')).toBe(false);
		expect(isSirenCode('24440040A')).toBe(false);
		expect(isSirenCode('244 400 404')).toBe(false);
	});

	it('rejects every SIREN with one wrong digit', () => {
		// Luhn catches any single-digit error: try all 81 of them on each valid SIREN.
		for (const siren of ['244400404', '242100410', '200054781']) {
			for (let position = 0; position < 9; position++) {
				for (let digit = 0; digit <= 9; digit++) {
					if (String(digit) === siren[position]) continue;
					const mistyped = siren.slice(0, position) + digit + siren.slice(position + 1);
					expect(isSirenCode(mistyped), mistyped).toBe(false);
				}
			}
		}
	});
});
