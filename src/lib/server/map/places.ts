/**
 * Where an organisation is on the map, from its official code (issue 3 §2, "a point on the map"):
 * - Korean local governments: korea-local-government-places.json (centroids of their areas, the
 *   provinces at their seat);
 * - French authorities: french-places.json (town-hall points of every département's chef-lieu and
 *   of the demo's communes). No installed or installable package gives coordinates of all 35,000
 *   communes (@etalab/decoupage-administratif and codes-postaux have none), so any other commune,
 *   and an EPCI, is placed at a stand-in and marked approximate.
 * Pure and in memory: small JSON files read once, plus the official lists already loaded for the
 * organisation picker.
 * Sources and method: src/lib/server/directory/reference-data/*-places.md.
 */
import { createRequire } from 'node:module';
import frenchPlaces from '../directory/reference-data/french-places.json';
import koreanPlaces from '../directory/reference-data/korea-local-government-places.json';
import koreanGovernments from '../directory/reference-data/korea-local-governments.json';
import { findFrenchAuthorityByCode } from '../directory/reference-data/french-authorities';
import { normalizeName } from '../directory/name-normalization';

export interface Place {
	latitude: number;
	longitude: number;
	/**
	 * True when the point stands for a wider or a neighbouring place (a commune placed at its
	 * département's chef-lieu, an intercommunal body at its largest commune): right region, not
	 * the right town.
	 */
	approximate: boolean;
}

/** What placing needs to know about an organisation: its row's official identity. */
export interface PlaceableOrganisation {
	countryCode: string;
	nameFr: string;
	officialCodeScheme: string | null;
	officialCode: string | null;
	departementCode: string | null;
	regionCode: string | null;
}

const COMMUNES = frenchPlaces.communes as Record<string, { name: string; latitude: number; longitude: number }>;
const KOREAN_PLACES = koreanPlaces.places as Record<string, { latitude: number; longitude: number }>;

/**
 * Organisations without an official code whose address is known: the demo's Paris-based partners.
 * Keyed by their name once normalised (normalizeName), so a renamed record loses the point rather
 * than keeping a wrong one. Points: Cités Unies France, 9 rue Christiani, Paris 18e; the Quai
 * d'Orsay, Paris 7e; GAOK's Paris office (GAROK France), placed in central Paris: its address was
 * not found, hence approximate.
 */
const NAMED_PLACES: Record<string, Place> = {
	[normalizeName('Cités Unies France')]: { latitude: 48.886, longitude: 2.351, approximate: false },
	[normalizeName("Ministère de l'Europe et des Affaires étrangères (MEAE)")]: { latitude: 48.862, longitude: 2.316, approximate: false },
	[normalizeName('GAROK France (Centre coréen des collectivités locales)')]: { latitude: 48.857, longitude: 2.352, approximate: true }
};

interface AreaRow {
	code: string;
	chefLieu: string;
}
interface EpciRow {
	code: string;
	membres: { code: string; populationMunicipale?: number }[];
}

const require = createRequire(import.meta.url);
let departementSeats: Map<string, string> | undefined;
let regionSeats: Map<string, string> | undefined;
let largestCommuneOfEpci: Map<string, string> | undefined;

/** INSEE code of the chef-lieu of each département ("92" → "92050", Nanterre). */
function departementSeat(code: string): string | undefined {
	departementSeats ??= new Map(
		(require('@etalab/decoupage-administratif/data/departements.json') as AreaRow[]).map((row) => [row.code, row.chefLieu])
	);
	return departementSeats.get(code);
}

/** INSEE code of the chef-lieu of each région ("84" → "69123", Lyon). */
function regionSeat(code: string): string | undefined {
	regionSeats ??= new Map((require('@etalab/decoupage-administratif/data/regions.json') as AreaRow[]).map((row) => [row.code, row.chefLieu]));
	return regionSeats.get(code);
}

/**
 * The most populous member commune of an EPCI or EPT, by SIREN: the lists do not give the seat,
 * and the seat is the largest commune for nearly every métropole and communauté (Nantes for Nantes
 * Métropole). Read on the first call only (4 MB).
 */
function largestCommune(siren: string): string | undefined {
	if (!largestCommuneOfEpci) {
		largestCommuneOfEpci = new Map();
		for (const file of ['epci.json', 'ept.json']) {
			for (const row of require(`@etalab/decoupage-administratif/data/${file}`) as EpciRow[]) {
				const largest = row.membres.reduce<EpciRow['membres'][number] | undefined>(
					(best, member) => (!best || (member.populationMunicipale ?? 0) > (best.populationMunicipale ?? 0) ? member : best),
					undefined
				);
				if (largest) largestCommuneOfEpci.set(row.code, largest.code);
			}
		}
	}
	return largestCommuneOfEpci.get(siren);
}

/** The département of an INSEE commune code: "92040" → "92", "2A004" → "2A", "97411" → "974". */
function departementOfCommune(inseeCode: string): string {
	return inseeCode.startsWith('97') || inseeCode.startsWith('98') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

/** A commune's point: its own when known, else its département's chef-lieu (approximate). */
function placeOfCommune(inseeCode: string, approximate = false): Place | null {
	const own = COMMUNES[inseeCode];
	if (own) return { latitude: own.latitude, longitude: own.longitude, approximate };
	const seat = departementSeat(departementOfCommune(inseeCode));
	const stand = seat ? COMMUNES[seat] : undefined;
	return stand ? { latitude: stand.latitude, longitude: stand.longitude, approximate: true } : null;
}

/** The point of an official code, or null when the code is unknown or has no point. */
export function placeOfOfficialCode(scheme: string, code: string): Place | null {
	switch (scheme) {
		case 'iso-3166-2':
		case 'kr-local': {
			const place = KOREAN_PLACES[scheme === 'kr-local' ? code.replace(/:(.*)$/, (_, rest: string) => `:${rest.toLowerCase()}`) : code];
			return place ? { latitude: place.latitude, longitude: place.longitude, approximate: false } : null;
		}
		case 'insee':
			return placeOfCommune(code);
		case 'insee-departement': {
			const seat = departementSeat(code);
			return seat ? placeOfCommune(seat) : null;
		}
		case 'insee-region': {
			const seat = regionSeat(code);
			return seat ? placeOfCommune(seat) : null;
		}
		case 'siren': {
			// EPCI first: their list is much smaller to load than the index of every authority.
			const commune = largestCommune(code);
			if (commune) return placeOfCommune(commune, true);
			const authority = findFrenchAuthorityByCode(code);
			return authority?.kind === 'commune' && authority.inseeCode ? placeOfCommune(authority.inseeCode) : null;
		}
		default:
			return null;
	}
}

/**
 * An organisation's point from what its record says: its official code first, then its name
 * (the few known addresses above), then its département or région (approximate).
 */
export function placeOfOrganisation(organisation: PlaceableOrganisation): Place | null {
	if (organisation.officialCodeScheme && organisation.officialCode) {
		const place = placeOfOfficialCode(organisation.officialCodeScheme, organisation.officialCode);
		if (place) return place;
	}
	const named = NAMED_PLACES[normalizeName(organisation.nameFr)];
	if (named) return named;
	if (organisation.countryCode === 'FR') {
		const seat =
			(organisation.departementCode && departementSeat(organisation.departementCode)) ||
			(organisation.regionCode && regionSeat(organisation.regionCode)) ||
			undefined;
		const place = seat ? placeOfCommune(seat) : null;
		return place ? { ...place, approximate: true } : null;
	}
	if (organisation.countryCode === 'KR' && organisation.regionCode) {
		const place = placeOfOfficialCode('iso-3166-2', organisation.regionCode);
		return place ? { ...place, approximate: true } : null;
	}
	return null;
}

let provinceCodesByName: Map<string, string> | undefined;

/**
 * The point of a Korean province named as people write it ("Gyeonggi-do", "경기도", "경기",
 * "Province de Gyeonggi", "KR-41"), for a partner "to be identified" of which only the region is
 * known; null when the text names no province.
 */
export function placeOfKoreanRegion(region: string): Place | null {
	const code = region.trim().toUpperCase();
	if (/^KR-\d{2}$/.test(code)) return placeOfOfficialCode('iso-3166-2', code);
	if (!provinceCodesByName) {
		provinceCodesByName = new Map();
		for (const record of koreanGovernments.records) {
			if (record.level !== 'provincial') continue;
			const names = [record.names.ko, record.names.romanized, record.names.fr, record.shortKo ?? '', ...record.alternativeNames];
			for (const name of names) if (name) provinceCodesByName.set(normalizeName(name), record.code);
		}
	}
	const found = provinceCodesByName.get(normalizeName(region));
	return found ? placeOfOfficialCode('iso-3166-2', found) : null;
}
