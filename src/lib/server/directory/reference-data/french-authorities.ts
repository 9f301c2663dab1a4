/**
 * French local authorities from the official lists, to pick an organisation by typing its name
 * (issue 3) or to resolve an INSEE or SIREN code.
 *
 * Source: the installed package @etalab/decoupage-administratif v6 (Code officiel géographique of
 * INSEE, DGCL list of EPCI à fiscalité propre, INSEE list of EPT, INSEE populations légales). No
 * network access: the data ships with the app (ENGINEERING.md, "Habits").
 *
 * Everything here is read-only: the package's JSON is read once, on the first call, and the
 * authorities and their search index stay in memory for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalizeName } from '../name-normalization';

import { FRENCH_AUTHORITY_KINDS } from '../organisation.schema';

export { FRENCH_AUTHORITY_KINDS };
export type FrenchAuthorityKind = (typeof FRENCH_AUTHORITY_KINDS)[number];

/**
 * Legal form of an intercommunal body, as the DGCL list spells it: communauté de communes (CC),
 * d'agglomération (CA), urbaine (CU), métropole (METRO), Métropole de Lyon (MET69); EPT for the
 * établissements publics territoriaux of the Métropole du Grand Paris (INSEE list).
 */
export type EpciType = 'CC' | 'CA' | 'CU' | 'METRO' | 'MET69' | 'EPT';

export interface AreaReference {
	readonly code: string;
	readonly name: string;
}

export interface FrenchAuthority {
	readonly kind: FrenchAuthorityKind;
	/** The name as the official list writes it (INSEE or DGCL), e.g. "Issy-les-Moulineaux". */
	readonly officialName: string;
	/**
	 * INSEE code from the Code officiel géographique: 5 characters for a commune ("92040"), 2 or 3
	 * for a département ("2A", "976") or a région ("84"). Null for intercommunal bodies, which
	 * INSEE does not number: they are known by their SIREN.
	 */
	readonly inseeCode: string | null;
	/** SIREN (9 digits) when the package gives it: communes, EPCI, EPT. Not given for départements and régions. */
	readonly sirenCode: string | null;
	/** The authority's département; for an EPCI, only when all its member communes lie in one. */
	readonly departement: AreaReference | null;
	/** The authority's région (itself for a région); for an EPCI, only when all its members lie in one. */
	readonly region: AreaReference | null;
	/** Population municipale (INSEE populations légales), summed over communes for départements and régions. */
	readonly population: number | null;
	readonly epciType?: EpciType;
}

export interface FrenchAuthoritySearchOptions {
	/** At most this many results; 10 by default. */
	limit?: number;
	/** Only these kinds; all by default. */
	kinds?: readonly FrenchAuthorityKind[];
}

/** Ten fits an open picker list without scrolling; more is noise when one is typing a name. */
const DEFAULT_SEARCH_LIMIT = 10;

/* ------------------------------------------------------------------------------------------ */
/* Code formats                                                                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * INSEE commune code: a département code followed by the commune's number, 5 characters in all.
 * Départements 01–19, 21–95, 2A and 2B (Corsica since 1976: "20" no longer exists), then overseas
 * 97x and 98x, whose département code takes 3 characters.
 *
 * Only commune codes: the codes of départements and régions are too short to tell apart
 * ("84" is both the Vaucluse and the Région Auvergne-Rhône-Alpes).
 */
export function isInseeCode(code: string): boolean {
	return /^(?:(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}|9[78]\d{3})$/.test(code);
}

/** SIREN: 9 digits whose last is a Luhn check digit (INSEE, répertoire SIRENE). */
export function isSirenCode(code: string): boolean {
	return /^\d{9}$/.test(code) && passesLuhnCheck(code);
}

/**
 * Luhn (mod 10) check: from the right, every second digit is doubled (minus 9 when over 9) and
 * the sum of all digits must be a multiple of 10. Catches any single wrong digit and most swaps
 * of two neighbouring digits: the usual typing mistakes when copying a SIREN.
 */
function passesLuhnCheck(digits: string): boolean {
	let sum = 0;
	for (let fromRight = 0; fromRight < digits.length; fromRight++) {
		let digit = digits.charCodeAt(digits.length - 1 - fromRight) - 48;
		if (fromRight % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/**
 * The authority with this INSEE commune code ("92040", "2A004") or SIREN ("244400404"; spaces
 * as in "244 400 404" are ignored, so is the case of "2a"). Null for a malformed code, a SIREN
 * whose check digit is wrong, or a code no listed authority has.
 */
export function findFrenchAuthorityByCode(code: string): FrenchAuthority | null {
	const compactCode = code.replace(/\s+/g, '').toUpperCase();
	const index = getFrenchAuthorityIndex();
	if (isInseeCode(compactCode)) return index.byInseeCode.get(compactCode) ?? null;
	if (isSirenCode(compactCode)) return index.bySirenCode.get(compactCode) ?? null;
	return null;
}

/**
 * The département or région with this INSEE code ("92", "2A", "84"): the kind must be said, as
 * "84" is both the Vaucluse and Auvergne-Rhône-Alpes. Special-status authorities that stand for
 * a région or département (Corse, Martinique…) are found under the code they were listed from.
 */
export function findFrenchAreaByCode(kind: 'departement' | 'region', code: string): FrenchAuthority | null {
	const compactCode = code.replace(/\s+/g, '').toUpperCase();
	if (!/^(\d{2,3}|2[AB])$/.test(compactCode)) return null;
	const matches = getFrenchAuthorityIndex().entries.filter(
		(entry) => entry.authority.inseeCode === compactCode && (entry.authority.kind === kind || entry.authority.kind === 'collectivite-statut-particulier')
	);
	return matches.find((entry) => entry.authority.kind === kind)?.authority ?? matches[0]?.authority ?? null;
}

/* ------------------------------------------------------------------------------------------ */
/* Search                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** How well a name answers a query; lower is better. */
const MatchQuality = {
	ExactName: 0,
	NameStartsWithQuery: 1,
	EveryWordStartsAWord: 2,
	NameContainsQuery: 3
} as const;
type MatchQuality = (typeof MatchQuality)[keyof typeof MatchQuality];
const NO_MATCH = 255;

/**
 * Authorities whose name matches what is typed, ignoring accents, case, punctuation, spacing and
 * the "St"/"Ste" abbreviation of Saint/Sainte. Best first: exact name, then names starting with
 * the query, then names where every typed word starts a word ("metropole nantes"), then names
 * containing it; within each, the most populous first, then by name.
 *
 * A leading "région", "département", "commune", "ville", "mairie", "conseil régional"… is read as
 * the kind of authority wanted: "region auvergne" finds the Région Auvergne-Rhône-Alpes.
 */
export function searchFrenchAuthorities(
	query: string,
	options: FrenchAuthoritySearchOptions = {}
): FrenchAuthority[] {
	const limit = Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT);
	if (!(limit > 0)) return [];
	const wantedKinds = options.kinds ? new Set(options.kinds) : null;
	const index = getFrenchAuthorityIndex();
	// Best match quality of each entry, indexed by entry number: a short query ("sa") matches
	// thousands of names.
	const bestQuality = new Uint8Array(index.entries.length).fill(NO_MATCH);
	const matchedEntries: number[] = [];

	for (const variant of readQuery(query)) {
		const longestWord = variant.words.reduce((a, b) => (b.length > a.length ? b : a));
		// Every kind of match needs each typed word somewhere in the name, so only the names
		// containing the longest word (the rarest, usually) are compared further.
		let position = index.haystack.indexOf(longestWord);
		while (position !== -1) {
			const nameNumber = findNameAt(index.nameStarts, position);
			const entryNumber = index.nameOwners[nameNumber];
			const kind = index.entries[entryNumber].authority.kind;
			if ((!wantedKinds || wantedKinds.has(kind)) && (!variant.kinds || variant.kinds.includes(kind))) {
				const quality = rateMatch(index.names[nameNumber], variant);
				if (quality < bestQuality[entryNumber]) {
					if (bestQuality[entryNumber] === NO_MATCH) matchedEntries.push(entryNumber);
					bestQuality[entryNumber] = quality;
				}
			}
			// One hit per name is enough: jump to the next name.
			position = index.haystack.indexOf(longestWord, index.nameStarts[nameNumber + 1]);
		}
	}

	const rankEntries = (a: number, b: number) =>
		bestQuality[a] - bestQuality[b] ||
		index.entries[b].rankingPopulation - index.entries[a].rankingPopulation ||
		frenchCollator.compare(index.entries[a].authority.officialName, index.entries[b].authority.officialName);
	return keepBest(matchedEntries, limit, rankEntries).map((entryNumber) => index.entries[entryNumber].authority);
}

/**
 * The `limit` best items, best first, without sorting them all: a two-letter query matches
 * tens of thousands of names, of which a picker shows ten.
 */
function keepBest(items: number[], limit: number, compare: (a: number, b: number) => number): number[] {
	// Inserting into a short list is cheap; for long lists sorting everything is faster.
	if (limit > 50) return items.sort(compare).slice(0, limit);
	const best: number[] = [];
	for (const item of items) {
		if (best.length === limit && compare(item, best[best.length - 1]) >= 0) continue;
		let position = best.length;
		while (position > 0 && compare(item, best[position - 1]) < 0) position--;
		best.splice(position, 0, item);
		if (best.length > limit) best.pop();
	}
	return best;
}

interface QueryVariant {
	text: string;
	words: string[];
	/** Each word with a space before it: found in a name, it starts one of the name's words. */
	wordStarts: string[];
	/** Kinds named at the start of the query ("région …"), or null when none was. */
	kinds: readonly FrenchAuthorityKind[] | null;
}

/**
 * Words that name a kind of authority rather than the authority ("conseil général" was the name
 * of the conseils départementaux until 2015 and is still used). Each also allows the collectivités
 * à statut particulier, which hold the same powers: "departement de paris" is the Ville de Paris.
 */
const KIND_DESIGNATORS: { words: string; kinds: readonly FrenchAuthorityKind[] }[] = [
	{ words: 'conseil regional', kinds: ['region', 'collectivite-statut-particulier'] },
	{ words: 'conseil departemental', kinds: ['departement', 'collectivite-statut-particulier'] },
	{ words: 'conseil general', kinds: ['departement', 'collectivite-statut-particulier'] },
	{ words: 'region', kinds: ['region', 'collectivite-statut-particulier'] },
	{ words: 'departement', kinds: ['departement', 'collectivite-statut-particulier'] },
	{ words: 'commune', kinds: ['commune', 'collectivite-statut-particulier'] },
	{ words: 'ville', kinds: ['commune', 'collectivite-statut-particulier'] },
	{ words: 'mairie', kinds: ['commune', 'collectivite-statut-particulier'] }
];

/**
 * The query as typed, and, when it starts with a kind ("region", "ville de"…), the rest of it
 * limited to that kind. Both are searched: "Ville-d'Avray" is a commune's whole name.
 */
function readQuery(query: string): QueryVariant[] {
	const text = normalizeForSearch(query);
	if (!text) return [];
	const variants: QueryVariant[] = [readVariant(text, null)];
	for (const designator of KIND_DESIGNATORS) {
		if (!text.startsWith(designator.words + ' ')) continue;
		// Prepositions after the kind are dropped ("departement du nord"); articles are kept
		// because they belong to names ("region de la reunion" → "La Réunion").
		const rest = text.slice(designator.words.length + 1).replace(/^(?:de l|de|du|des|d) (?=.)/, '');
		variants.push(readVariant(rest, designator.kinds));
		break;
	}
	return variants;
}

function readVariant(text: string, kinds: readonly FrenchAuthorityKind[] | null): QueryVariant {
	const words = text.split(' ');
	return { text, words, wordStarts: words.map((word) => ' ' + word), kinds };
}

function rateMatch(name: SearchableName, query: QueryVariant): MatchQuality | typeof NO_MATCH {
	if (name.text === query.text) return MatchQuality.ExactName;
	if (name.text.startsWith(query.text)) return MatchQuality.NameStartsWithQuery;
	if (query.words.every((word, wordNumber) => name.text.startsWith(word) || name.text.includes(query.wordStarts[wordNumber]))) {
		return MatchQuality.EveryWordStartsAWord;
	}
	if (name.text.includes(query.text)) return MatchQuality.NameContainsQuery;
	return NO_MATCH;
}

/**
 * "St-Gildas", "Ste Foy": the abbreviations of Saint and Sainte that people and some official
 * names use (the DGCL list writes "CC du Pays de Pontchâteau St-Gildas-des-Bois", INSEE writes
 * "Saint-Étienne"), written in full on both sides so that either finds the other.
 */
const SAINT_ABBREVIATIONS: Record<string, string> = {
	st: 'saint',
	ste: 'sainte',
	sts: 'saints',
	stes: 'saintes'
};

function normalizeForSearch(name: string): string {
	return normalizeName(name)
		.split(' ')
		.map((word) => SAINT_ABBREVIATIONS[word] ?? word)
		.join(' ');
}

/** Number of the name that the haystack position falls in (binary search over name starts). */
function findNameAt(nameStarts: Int32Array, position: number): number {
	let low = 0;
	let high = nameStarts.length - 2; // the last start is the end sentinel
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (nameStarts[middle] <= position) low = middle;
		else high = middle - 1;
	}
	return low;
}

const frenchCollator = new Intl.Collator('fr');

/* ------------------------------------------------------------------------------------------ */
/* Building the list from the package's data                                                 */
/* ------------------------------------------------------------------------------------------ */

interface CommuneRow {
	code: string;
	nom: string;
	type: 'commune-actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee';
	departement: string;
	region: string;
	siren?: string;
	population?: number;
}
interface GroupingRow {
	code: string;
	nom: string;
	type: EpciType;
	populationMunicipale: number;
	membres: { code: string }[];
}
interface DepartementRow {
	code: string;
	nom: string;
	region: string;
	zone: 'metro' | 'drom' | 'com';
}
interface RegionRow {
	code: string;
	nom: string;
	zone: 'metro' | 'drom' | 'com';
}

interface DecoupageAdministratifData {
	communes: CommuneRow[];
	epci: GroupingRow[];
	ept: GroupingRow[];
	departements: DepartementRow[];
	regions: RegionRow[];
}

/**
 * Collectivités à statut particulier: one authority that the official geography shows as a
 * région, a département or a commune, sometimes as several rows. Each is listed once, with the
 * kind 'collectivite-statut-particulier', from the row named here; the rows it replaced are left
 * out (they are no longer authorities one could partner with), and their names find it.
 */
const SPECIAL_STATUS_REGIONS: Record<string, { alsoCalled: string[]; replacedDepartements: string[] }> = {
	// Collectivité de Corse since 1 January 2018 (loi NOTRe n° 2015-991, art. 30): replaced the
	// Région de Corse and the départements of Corse-du-Sud and Haute-Corse.
	'94': { alsoCalled: ['Collectivité de Corse'], replacedDepartements: ['2A', '2B'] },
	// Collectivités territoriales uniques since December 2015 (loi n° 2011-884): one assembly
	// replaced the région and the département.
	'02': { alsoCalled: ['Collectivité territoriale de Martinique'], replacedDepartements: ['972'] },
	'03': { alsoCalled: ['Collectivité territoriale de Guyane'], replacedDepartements: ['973'] }
};
/** Mayotte: one "Département de Mayotte" holding a région's powers too (loi organique n° 2010-1486). */
const SPECIAL_STATUS_DEPARTEMENTS: Record<string, { alsoCalled: string[]; replacedRegion: string }> = {
	'976': { alsoCalled: ['Département de Mayotte'], replacedRegion: '06' }
};
/** Ville de Paris since 1 January 2019 (loi n° 2017-257): commune and département in one. */
const SPECIAL_STATUS_COMMUNES: Record<string, { alsoCalled: string[]; replacedDepartement: string }> = {
	'75056': { alsoCalled: ['Ville de Paris'], replacedDepartement: '75' }
};
/**
 * The Métropole de Lyon is in the DGCL's EPCI list (type MET69) but is a collectivité territoriale
 * à statut particulier since 1 January 2015 (loi MAPTAM n° 2014-58), holding the Rhône
 * département's powers on its territory; it keeps epciType 'MET69' so the source stays visible.
 * "Grand Lyon", the name of the former communauté urbaine, is still in use: the reference minutes
 * of 27 February 2024 speak of "le Grand Lyon".
 */
const SPECIAL_STATUS_EPCI_TYPE: EpciType = 'MET69';
const SPECIAL_STATUS_EPCI_ALSO_CALLED = ['Grand Lyon'];
/**
 * Overseas collectivités (Constitution art. 74) and New Caledonia (title XIII) appear as both a
 * département and a région with the same code (zone 'com'); they are listed once, from the région
 * row, as collectivités à statut particulier: Dari has no narrower kind for them. Left out:
 * 984, the TAAF, and 989, Clipperton, which are administered by the State and are no authority.
 */
const NOT_AN_AUTHORITY_AREAS = new Set(['984', '989']);
/**
 * Commune rows that are not communes: 97701 and 97801 are the COM of Saint-Barthélemy and
 * Saint-Martin themselves (listed from their région row); the "communes" of 984 and 989 are TAAF
 * districts and Clipperton; Wallis-et-Futuna (986) has three circonscriptions, no communes.
 */
const NOT_COMMUNE_AREAS = new Set(['977', '978', '984', '986', '989']);

/**
 * Communauté names are abbreviated in the DGCL list ("CC Faucigny - Glières"); people write them
 * in full ("Communauté de communes Faucigny-Glières"), so both are searchable.
 */
const EPCI_NAME_PREFIXES: Record<string, string> = {
	'CC ': 'Communauté de communes ',
	'CA ': "Communauté d'agglomération ",
	'CU ': 'Communauté urbaine '
};

interface SearchableName {
	text: string;
}

interface IndexedAuthority {
	authority: FrenchAuthority;
	/** Population, or -1 so that authorities without one come after those with one. */
	rankingPopulation: number;
}

interface FrenchAuthorityIndex {
	entries: IndexedAuthority[];
	/** Every searchable name, normalized, each followed by "\n"; `indexOf` over it is fast. */
	haystack: string;
	names: SearchableName[];
	/** Where each name starts in the haystack, plus the haystack's length as a sentinel. */
	nameStarts: Int32Array;
	/** Which entry each name belongs to. */
	nameOwners: Int32Array;
	byInseeCode: Map<string, FrenchAuthority>;
	bySirenCode: Map<string, FrenchAuthority>;
}

/**
 * The authorities Dari offers, from the package's rows: current communes and the municipal
 * arrondissements of Paris, Lyon and Marseille (Paris 15e and 17e have Korean partners:
 * /work/shared/reference/partenariats-franco-coreens.md), EPCI à fiscalité propre and EPT,
 * départements, régions and collectivités à statut particulier. Communes déléguées and associées
 * are left out: only the commune nouvelle is a collectivité territoriale (CGCT art. L2113-10).
 */
function listFrenchAuthorities(data: DecoupageAdministratifData): FrenchAuthorityIndexInput[] {
	const departementsByCode = new Map(data.departements.map((row) => [row.code, row]));
	const regionsByCode = new Map(data.regions.map((row) => [row.code, row]));
	const departementReference = (code: string): AreaReference | null => {
		const row = departementsByCode.get(code);
		return row ? { code: row.code, name: row.nom } : null;
	};
	const regionReference = (code: string): AreaReference | null => {
		const row = regionsByCode.get(code);
		return row ? { code: row.code, name: row.nom } : null;
	};

	const currentCommunes = data.communes.filter((row) => row.type === 'commune-actuelle');
	const communesByCode = new Map(currentCommunes.map((row) => [row.code, row]));
	// INSEE's population of a département or région is the sum of its communes' populations.
	const populationByDepartement = new Map<string, number>();
	const populationByRegion = new Map<string, number>();
	for (const commune of currentCommunes) {
		const population = commune.population ?? 0;
		populationByDepartement.set(commune.departement, (populationByDepartement.get(commune.departement) ?? 0) + population);
		populationByRegion.set(commune.region, (populationByRegion.get(commune.region) ?? 0) + population);
	}

	const replacedDepartements = new Set<string>([
		...Object.values(SPECIAL_STATUS_REGIONS).flatMap((status) => status.replacedDepartements),
		...Object.values(SPECIAL_STATUS_COMMUNES).map((status) => status.replacedDepartement)
	]);
	const replacedRegions = new Set(Object.values(SPECIAL_STATUS_DEPARTEMENTS).map((status) => status.replacedRegion));
	const list: FrenchAuthorityIndexInput[] = [];

	for (const row of data.regions) {
		if (replacedRegions.has(row.code) || NOT_AN_AUTHORITY_AREAS.has(row.code)) continue;
		const status = SPECIAL_STATUS_REGIONS[row.code];
		const isSpecial = Boolean(status) || row.zone === 'com';
		list.push({
			authority: {
				kind: isSpecial ? 'collectivite-statut-particulier' : 'region',
				officialName: row.nom,
				inseeCode: row.code,
				sirenCode: null,
				departement: null,
				region: { code: row.code, name: row.nom },
				population: populationByRegion.get(row.code) ?? null
			},
			alsoCalled: status
				? [...status.alsoCalled, ...status.replacedDepartements.map((code) => departementsByCode.get(code)?.nom ?? '')]
				: []
		});
	}

	for (const row of data.departements) {
		// Overseas collectivités are listed from their région row, which has the same code.
		if (row.zone === 'com' || replacedDepartements.has(row.code)) continue;
		const status = SPECIAL_STATUS_DEPARTEMENTS[row.code];
		list.push({
			authority: {
				kind: status ? 'collectivite-statut-particulier' : 'departement',
				officialName: row.nom,
				inseeCode: row.code,
				sirenCode: null,
				departement: { code: row.code, name: row.nom },
				region: regionReference(row.region),
				population: populationByDepartement.get(row.code) ?? null
			},
			alsoCalled: status?.alsoCalled ?? []
		});
	}

	for (const row of data.communes) {
		if (row.type !== 'commune-actuelle' && row.type !== 'arrondissement-municipal') continue;
		if (NOT_COMMUNE_AREAS.has(row.departement)) continue;
		const status = SPECIAL_STATUS_COMMUNES[row.code];
		list.push({
			authority: {
				kind: status ? 'collectivite-statut-particulier' : 'commune',
				officialName: row.nom,
				inseeCode: row.code,
				// Municipal arrondissements have no legal personality, hence no SIREN.
				sirenCode: row.siren ?? null,
				departement: departementReference(row.departement),
				region: regionReference(row.region),
				population: row.population ?? null
			},
			alsoCalled: status?.alsoCalled ?? []
		});
	}

	for (const row of [...data.epci, ...data.ept]) {
		const memberCommunes = row.membres.map((member) => communesByCode.get(member.code));
		const commonArea = (area: 'departement' | 'region'): string | null => {
			const codes = new Set(memberCommunes.map((commune) => commune?.[area]));
			const [onlyCode] = codes;
			return codes.size === 1 && onlyCode ? onlyCode : null;
		};
		const departementCode = commonArea('departement');
		const regionCode = commonArea('region');
		const prefix = Object.keys(EPCI_NAME_PREFIXES).find((abbreviated) => row.nom.startsWith(abbreviated));
		list.push({
			authority: {
				kind: row.type === SPECIAL_STATUS_EPCI_TYPE ? 'collectivite-statut-particulier' : 'epci',
				officialName: row.nom,
				inseeCode: null,
				sirenCode: row.code,
				departement: departementCode ? departementReference(departementCode) : null,
				region: regionCode ? regionReference(regionCode) : null,
				population: row.populationMunicipale ?? null,
				epciType: row.type
			},
			alsoCalled: [
				...(prefix ? [EPCI_NAME_PREFIXES[prefix] + row.nom.slice(prefix.length)] : []),
				...(row.type === SPECIAL_STATUS_EPCI_TYPE ? SPECIAL_STATUS_EPCI_ALSO_CALLED : [])
			]
		});
	}

	return list;
}

interface FrenchAuthorityIndexInput {
	authority: FrenchAuthority;
	/** Other names people use for it, searchable but not shown. */
	alsoCalled: string[];
}

/** The search index over a list of authorities; pure, so that it can be built from any list. */
function buildFrenchAuthorityIndex(list: FrenchAuthorityIndexInput[]): FrenchAuthorityIndex {
	const entries: IndexedAuthority[] = [];
	const names: SearchableName[] = [];
	const haystackParts: string[] = [];
	const nameStarts: number[] = [];
	const nameOwners: number[] = [];
	const byInseeCode = new Map<string, FrenchAuthority>();
	const bySirenCode = new Map<string, FrenchAuthority>();
	let length = 0;

	for (const { authority, alsoCalled } of list) {
		// The same objects are handed to every caller: frozen, so one cannot change another's.
		freezeDeeply(authority);
		const entryNumber = entries.length;
		entries.push({ authority, rankingPopulation: authority.population ?? -1 });
		const texts = new Set([authority.officialName, ...alsoCalled].map(normalizeForSearch).filter(Boolean));
		for (const text of texts) {
			names.push({ text });
			nameStarts.push(length);
			nameOwners.push(entryNumber);
			haystackParts.push(text + '\n');
			length += text.length + 1;
		}
		// Commune codes only: département and région codes would collide with each other.
		if (authority.inseeCode && isInseeCode(authority.inseeCode)) byInseeCode.set(authority.inseeCode, authority);
		if (authority.sirenCode) bySirenCode.set(authority.sirenCode, authority);
	}
	nameStarts.push(length);

	return {
		entries,
		haystack: haystackParts.join(''),
		names,
		nameStarts: Int32Array.from(nameStarts),
		nameOwners: Int32Array.from(nameOwners),
		byInseeCode,
		bySirenCode
	};
}

function freezeDeeply(authority: FrenchAuthority): void {
	if (authority.departement) Object.freeze(authority.departement);
	if (authority.region) Object.freeze(authority.region);
	Object.freeze(authority);
}

let cachedIndex: FrenchAuthorityIndex | null = null;

/**
 * Reads the package's data (about 12 MB of JSON) on first use only, then keeps the index. Read
 * with readFileSync rather than require(), whose cache would keep the raw rows (postcodes,
 * member lists…) in memory for good.
 */
function getFrenchAuthorityIndex(): FrenchAuthorityIndex {
	if (!cachedIndex) {
		const resolvePackageFile = createRequire(import.meta.url).resolve;
		const dataFile = (name: string) =>
			JSON.parse(readFileSync(resolvePackageFile(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'));
		const data: DecoupageAdministratifData = {
			communes: dataFile('communes'),
			epci: dataFile('epci'),
			ept: dataFile('ept'),
			departements: dataFile('departements'),
			regions: dataFile('regions')
		};
		cachedIndex = buildFrenchAuthorityIndex(listFrenchAuthorities(data));
	}
	return cachedIndex;
}
