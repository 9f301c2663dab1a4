/**
 * Picking a local authority from the official lists (issue 3 §2): the French one
 * (@etalab/decoupage-administratif: INSEE and SIREN codes, populations) and Dari's dated table of
 * Korea's local governments. What is picked fills the organisation form: official name, code,
 * département, région, population.
 */
import type { OfficialCodeScheme, OrganisationKind } from './organisation.schema';
import { findFrenchAreaByCode, findFrenchAuthorityByCode, searchFrenchAuthorities, type FrenchAuthority } from './reference-data/french-authorities';
import {
	findKoreanLocalGovernment,
	labelKoreanLocalGovernment,
	searchKoreanLocalGovernments,
	type KoreanLocalGovernmentRecord
} from './reference-data/korea-local-governments';

export interface OfficialAuthorityChoice {
	/** "insee:92040", "siren:244400404", "kr-local:KR-11:guro-gu": what the picker sends back. */
	pick: string;
	kind: OrganisationKind;
	countryCode: 'FR' | 'KR';
	officialCodeScheme: OfficialCodeScheme;
	officialCode: string;
	nameFr: string;
	nameKo: string | null;
	nameEn: string | null;
	departementCode: string | null;
	regionCode: string | null;
	regionName: string | null;
	population: number | null;
}

/** 10 results: an open list without scrolling; refine the name for more. */
const CHOICES = 10;

function frenchScheme(authority: FrenchAuthority): { scheme: OfficialCodeScheme; code: string } | null {
	switch (authority.kind) {
		case 'commune':
			return authority.inseeCode ? { scheme: 'insee', code: authority.inseeCode } : null;
		case 'departement':
			return authority.inseeCode ? { scheme: 'insee-departement', code: authority.inseeCode } : null;
		case 'region':
			return authority.inseeCode ? { scheme: 'insee-region', code: authority.inseeCode } : null;
		default:
			return authority.sirenCode ? { scheme: 'siren', code: authority.sirenCode } : null;
	}
}

function frenchChoice(authority: FrenchAuthority): OfficialAuthorityChoice | null {
	const identity = frenchScheme(authority);
	if (!identity) return null;
	return {
		pick: `${identity.scheme}:${identity.code}`,
		kind: authority.kind,
		countryCode: 'FR',
		officialCodeScheme: identity.scheme,
		officialCode: identity.code,
		nameFr: authority.officialName,
		nameKo: null,
		nameEn: null,
		departementCode: authority.departement?.code ?? null,
		regionCode: authority.region?.code ?? null,
		regionName: authority.region?.name ?? null,
		population: authority.population
	};
}

function koreanChoice(record: KoreanLocalGovernmentRecord, parent: KoreanLocalGovernmentRecord | null): OfficialAuthorityChoice {
	const label = labelKoreanLocalGovernment(record, parent);
	const scheme: OfficialCodeScheme = record.level === 'provincial' ? 'iso-3166-2' : 'kr-local';
	const province = parent ?? record;
	return {
		pick: `${scheme}:${record.code}`,
		kind: record.kind as OrganisationKind,
		countryCode: 'KR',
		officialCodeScheme: scheme,
		officialCode: record.code,
		nameFr: label.fr,
		nameKo: label.ko,
		nameEn: label.romanized,
		departementCode: null,
		regionCode: province.code,
		regionName: province.names.fr,
		population: null
	};
}

/** Authorities of France or Korea whose name matches what was typed, best first. */
export function searchOfficialAuthorities(query: string, options: { country: 'FR' | 'KR'; onDate: string }): OfficialAuthorityChoice[] {
	const text = query.trim().slice(0, 100);
	if (text === '') return [];
	if (options.country === 'FR') {
		return searchFrenchAuthorities(text, { limit: CHOICES })
			.map(frenchChoice)
			.filter((choice): choice is OfficialAuthorityChoice => choice !== null);
	}
	return searchKoreanLocalGovernments(text, { onDate: options.onDate, limit: CHOICES }).map((result) => koreanChoice(result.record, result.parent));
}

/** The authority a picker sent back ("insee:92040"), or null when it names none. */
export function findOfficialAuthority(pick: string, onDate: string): OfficialAuthorityChoice | null {
	const separator = pick.indexOf(':');
	if (separator < 0) return null;
	const scheme = pick.slice(0, separator);
	const code = pick.slice(separator + 1).slice(0, 60);
	if (scheme === 'iso-3166-2' || scheme === 'kr-local') {
		const record = findKoreanLocalGovernment(code, onDate);
		if (!record || (scheme === 'iso-3166-2') !== (record.level === 'provincial')) return null;
		return koreanChoice(record, record.parentCode ? findKoreanLocalGovernment(record.parentCode, onDate) : null);
	}
	if (scheme === 'insee' || scheme === 'siren') {
		const authority = findFrenchAuthorityByCode(code);
		const choice = authority ? frenchChoice(authority) : null;
		return choice?.officialCodeScheme === scheme ? choice : null;
	}
	if (scheme === 'insee-region' || scheme === 'insee-departement') {
		const area = findFrenchAreaByCode(scheme === 'insee-region' ? 'region' : 'departement', code);
		const choice = area ? frenchChoice(area) : null;
		return choice?.officialCodeScheme === scheme ? choice : null;
	}
	return null;
}

/**
 * Whether an organisation's official code is one of the official lists' (a well-formed but
 * made-up INSEE code is not): no scheme, no check. Korean codes are looked up on the given day.
 */
export function isKnownOfficialCode(input: { officialCodeScheme: string | null; officialCode: string | null }, onDate: string): boolean {
	if (!input.officialCodeScheme || !input.officialCode) return true;
	return findOfficialAuthority(`${input.officialCodeScheme}:${input.officialCode}`, onDate) !== null;
}
