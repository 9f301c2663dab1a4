/**
 * Korea's local governments as of a date: the 17 provincial-level governments (ISO 3166-2:KR) and
 * their basic-level ones (autonomous si, gun and gu), to find a Korean partner in the directory.
 * Pure: the data is the JSON beside this file (how it was built and from what:
 * korea-local-governments.md); every function takes the date it answers for.
 */
import { getChoseong } from 'es-hangul';
import { normalizeName } from '../name-normalization';
import tableData from './korea-local-governments.json';

export type KoreanLocalGovernmentLevel = 'provincial' | 'basic';

export type KoreanLocalGovernmentKind =
	| 'special-city'
	| 'metropolitan-city'
	| 'special-self-governing-city'
	| 'province'
	| 'special-self-governing-province'
	| 'si'
	| 'gun'
	| 'autonomous-gu'
	/** Jeju's 제주시 and 서귀포시: divisions of the province, no council, appointed mayor. */
	| 'administrative-city'
	/** Gu of a large si (수원시 장안구): no council, appointed head. None in the table yet. */
	| 'non-autonomous-gu';

/** Kinds that are divisions of a local government, not local governments themselves. */
const ADMINISTRATIVE_UNIT_KINDS: ReadonlySet<KoreanLocalGovernmentKind> = new Set(['administrative-city', 'non-autonomous-gu']);

export interface KoreanLocalGovernmentNames {
	ko: string;
	romanized: string;
	fr: string;
}

export interface KoreanLocalGovernmentRecord {
	/** ISO 3166-2:KR for the provincial level; `KR-11:jongno-gu` (parent's ISO code, slug of the current romanized name) for the basic level. A renaming keeps the code; a transfer to another province changes it. */
	code: string;
	/** 행정표준코드; null everywhere for now: not taken from an official file yet (see the md file). */
	administrativeCode: string | null;
	level: KoreanLocalGovernmentLevel;
	kind: KoreanLocalGovernmentKind;
	parentCode: string | null;
	names: KoreanLocalGovernmentNames;
	/** Provincial level only: the short form written before a basic-level name ("서울 중구"). */
	shortKo: string | null;
	/** Other names people search with: earlier names, English forms, contractions (Gyeongbuk). */
	alternativeNames: string[];
	/** First day of validity, or null: since before the table's coverage start. */
	validFrom: string | null;
	/** Last day of validity (inclusive), or null: still valid. */
	validTo: string | null;
	uncertain: boolean;
	/** What is uncertain and why, when `uncertain`. */
	uncertainty: string | null;
	predecessorCodes: string[];
	notes: string[];
	/** Ids of the table's `sources`. */
	sources: string[];
}

export interface KoreanLocalGovernmentSource {
	id: string;
	title: string;
	url: string;
}

/** A change planned or discussed that the records do not (or not fully) reflect. */
export interface KoreanLocalGovernmentNote {
	subject: string;
	codes: string[];
	uncertain: boolean;
	text: string;
	sources: string[];
}

export interface KoreanLocalGovernmentTable {
	description: string;
	inputAsOf: string;
	/** Changes before this date are not recorded. */
	coverageStart: string;
	sources: KoreanLocalGovernmentSource[];
	notes: KoreanLocalGovernmentNote[];
	records: KoreanLocalGovernmentRecord[];
}

export const koreanLocalGovernmentTable = tableData as KoreanLocalGovernmentTable;

export interface ListKoreanLocalGovernmentsOptions {
	/** Also return administrative cities and non-autonomous gu (not local governments). */
	includeAdministrativeUnits?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertIsoDate(onDate: string): void {
	// A wrong date is a programming error, not a user input: callers parse dates with zod first.
	if (!ISO_DATE.test(onDate) || Number.isNaN(Date.parse(`${onDate}T00:00:00Z`))) {
		throw new TypeError(`expected a YYYY-MM-DD date, got "${onDate}"`);
	}
}

/** YYYY-MM-DD strings compare as dates, so no Date object (and no time zone) is needed. */
function isValidOn(record: KoreanLocalGovernmentRecord, onDate: string): boolean {
	return (record.validFrom === null || record.validFrom <= onDate) && (record.validTo === null || onDate <= record.validTo);
}

function isSelected(record: KoreanLocalGovernmentRecord, options: ListKoreanLocalGovernmentsOptions): boolean {
	return options.includeAdministrativeUnits === true || !ADMINISTRATIVE_UNIT_KINDS.has(record.kind);
}

/**
 * Records valid on `onDate` (YYYY-MM-DD, a Korean calendar day), provincial first, in the order of
 * the Local Autonomy Act. Local governments only unless `includeAdministrativeUnits`.
 */
export function listKoreanLocalGovernments(
	onDate: string,
	options: ListKoreanLocalGovernmentsOptions = {},
	table: KoreanLocalGovernmentTable = koreanLocalGovernmentTable
): KoreanLocalGovernmentRecord[] {
	assertIsoDate(onDate);
	const valid = table.records.filter((record) => isValidOn(record, onDate) && isSelected(record, options));
	return [...valid.filter((record) => record.level === 'provincial'), ...valid.filter((record) => record.level === 'basic')];
}

/** The record with this code valid on `onDate`, administrative units included; null if none. */
export function findKoreanLocalGovernment(
	code: string,
	onDate: string,
	table: KoreanLocalGovernmentTable = koreanLocalGovernmentTable
): KoreanLocalGovernmentRecord | null {
	assertIsoDate(onDate);
	return table.records.find((record) => record.code === code && isValidOn(record, onDate)) ?? null;
}

/** Names to show, with the parent so that the six 중구 can be told apart. */
export function labelKoreanLocalGovernment(
	record: KoreanLocalGovernmentRecord,
	parent: KoreanLocalGovernmentRecord | null
): KoreanLocalGovernmentNames {
	if (!parent) return { ...record.names };
	return {
		ko: `${parent.names.ko} ${record.names.ko}`,
		romanized: `${record.names.romanized}, ${parent.names.romanized}`,
		fr: `${record.names.fr} (${parent.names.fr})`
	};
}

export type KoreanLocalGovernmentMatch = 'exact' | 'prefix' | 'substring';

export interface KoreanLocalGovernmentSearchResult {
	record: KoreanLocalGovernmentRecord;
	parent: KoreanLocalGovernmentRecord | null;
	label: KoreanLocalGovernmentNames;
	match: KoreanLocalGovernmentMatch;
}

export interface SearchKoreanLocalGovernmentsOptions extends ListKoreanLocalGovernmentsOptions {
	onDate: string;
	/** 20 by default: enough for a picker, and the six 중구 fit. */
	limit?: number;
}

/** Compatibility jamo consonants ㄱ (U+3131) to ㅎ (U+314E): what a 초성 query is made of. */
const INITIAL_CONSONANT_QUERY = /^[\u3131-\u314e\s]+$/;

/** Case, accents, hyphens and spaces ignored: "Séoul" = "seoul", "Jung-gu" = "junggu", "서울 중구" = "서울중구". */
function normalizeForSearch(text: string): string {
	return normalizeName(text).replace(/\s+/g, '');
}

function initialConsonantsOf(text: string): string {
	return getChoseong(text).replace(/\s+/g, '');
}

function matchOf(key: string, query: string): KoreanLocalGovernmentMatch | null {
	if (key === query) return 'exact';
	if (key.startsWith(query)) return 'prefix';
	if (key.includes(query)) return 'substring';
	return null;
}

const MATCH_ORDER: Record<KoreanLocalGovernmentMatch, number> = { exact: 0, prefix: 1, substring: 2 };

/** The record's own names, then its names combined with its parent's ("서울 중구", "Jung-gu Seoul"). */
function searchTexts(record: KoreanLocalGovernmentRecord, parent: KoreanLocalGovernmentRecord | null): { own: string[]; withParent: string[] } {
	const own = [record.names.ko, record.names.romanized, record.names.fr, ...record.alternativeNames];
	if (record.shortKo) own.push(record.shortKo);
	if (!parent) return { own, withParent: [] };
	const parentNames = [parent.names.ko, parent.shortKo ?? '', parent.names.romanized, parent.names.fr, ...parent.alternativeNames].filter(Boolean);
	const withParent = parentNames.flatMap((parentName) => own.flatMap((ownName) => [`${parentName} ${ownName}`, `${ownName} ${parentName}`]));
	return { own, withParent };
}

function bestMatch(texts: string[], query: string, keyOf: (text: string) => string): KoreanLocalGovernmentMatch | null {
	let best: KoreanLocalGovernmentMatch | null = null;
	for (const text of texts) {
		const match = matchOf(keyOf(text), query);
		if (match && (best === null || MATCH_ORDER[match] < MATCH_ORDER[best])) best = match;
	}
	return best;
}

/**
 * Finds the local governments valid on `options.onDate` whose name contains the query: Korean by
 * syllables ("중구", "서울 중구"), by initial consonants when the query has only consonant jamo
 * ("ㄱㄹ" → 구로구), romanized, French and English names regardless of case and accents ("séoul",
 * "SEOUL", "suwon"). Ranked exact, then prefix, then substring; at equal match a match on the
 * record's own names before one through its parent's name ("서울" finds 서울특별시 before
 * 서울 종로구), provincial before basic, then table order.
 */
export function searchKoreanLocalGovernments(
	query: string,
	options: SearchKoreanLocalGovernmentsOptions,
	table: KoreanLocalGovernmentTable = koreanLocalGovernmentTable
): KoreanLocalGovernmentSearchResult[] {
	const limit = options.limit ?? 20;
	const records = listKoreanLocalGovernments(options.onDate, options, table);
	const trimmed = query.trim();
	if (trimmed === '' || limit <= 0) return [];

	const byInitialConsonants = INITIAL_CONSONANT_QUERY.test(trimmed);
	const normalizedQuery = byInitialConsonants ? trimmed.replace(/\s+/g, '') : normalizeForSearch(trimmed);
	if (normalizedQuery === '') return [];
	const keyOf = byInitialConsonants ? initialConsonantsOf : normalizeForSearch;

	const byCode = new Map(records.map((record) => [record.code, record]));
	const ranked: { result: KoreanLocalGovernmentSearchResult; rank: number; position: number }[] = [];
	records.forEach((record, position) => {
		const parent = record.parentCode ? (byCode.get(record.parentCode) ?? null) : null;
		const texts = searchTexts(record, parent);
		const ownMatch = bestMatch(texts.own, normalizedQuery, keyOf);
		const parentMatch = bestMatch(texts.withParent, normalizedQuery, keyOf);
		const ownRank = ownMatch === null ? Infinity : MATCH_ORDER[ownMatch] * 2;
		const parentRank = parentMatch === null ? Infinity : MATCH_ORDER[parentMatch] * 2 + 1;
		const rank = Math.min(ownRank, parentRank);
		if (rank === Infinity) return;
		const match = (ownRank <= parentRank ? ownMatch : parentMatch) as KoreanLocalGovernmentMatch;
		ranked.push({ result: { record, parent, label: labelKoreanLocalGovernment(record, parent), match }, rank, position });
	});
	// `records` lists provincial before basic, so position breaks ties as the ranking rule asks.
	ranked.sort((left, right) => left.rank - right.rank || left.position - right.position);
	return ranked.slice(0, limit).map((entry) => entry.result);
}

