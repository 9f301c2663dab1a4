/**
 * Builds korea-local-governments.json from the cosmosfarm list (Korean names only, as of
 * 2024-12-09) plus what that list lacks: ISO 3166-2:KR codes, romanized and French names, kinds,
 * and the changes since 2018-07-01 with their validity dates. Method and sources:
 * korea-local-governments.md.
 *
 * Run again only when the input list or the tables below change:
 *   npx tsx src/lib/server/directory/reference-data/build-korea-local-governments.ts \
 *     /work/shared/reference/korea-administrative-districts-2024-12.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { romanize } from 'es-hangul';
import type {
	KoreanLocalGovernmentKind,
	KoreanLocalGovernmentNote,
	KoreanLocalGovernmentRecord,
	KoreanLocalGovernmentSource,
	KoreanLocalGovernmentTable
} from './korea-local-governments';

/** The date the cosmosfarm list describes (its `version` field, 20241209). */
const INPUT_AS_OF = '2024-12-09';

/**
 * Changes before this date are not recorded, so the table does not answer for earlier dates
 * (여주군 became 여주시 in 2013, for instance). It is the oldest change the brief asks for, the
 * Incheon Nam-gu → Michuhol-gu renaming; we know of no other basic-level creation, abolition or
 * renaming between it and 2023-06-11.
 */
const COVERAGE_START = '2018-07-01';

const SOURCES: KoreanLocalGovernmentSource[] = [
	{
		id: 'cosmosfarm-2024-12',
		title: 'cosmosfarm/korea-administrative-district, version 20241209 (Korean names of the 17 provincial-level governments and their si, gun, gu)',
		url: 'https://github.com/cosmosfarm/korea-administrative-district'
	},
	{
		id: 'mois',
		title: 'Ministry of the Interior and Safety (행정안전부), local government organisation and statistics (지방자치단체 행정구역 및 인구 현황)',
		url: 'https://www.mois.go.kr'
	},
	{
		id: 'iso-3166-2-kr',
		title: 'ISO 3166-2:KR, ISO Online Browsing Platform; change of 2023-11-23: category of KR-42 from province to special self-governing province, code unchanged',
		url: 'https://www.iso.org/obp/ui/#iso:code:3166:KR'
	},
	{
		id: 'gangwon-special-act',
		title: '강원특별자치도 설치 등에 관한 특별법 (Special Act on the Establishment of Gangwon Special Self-Governing Province), in force 2023-06-11',
		url: 'https://www.law.go.kr/법령/강원특별자치도설치등에관한특별법'
	},
	{
		id: 'jeonbuk-special-act',
		title: '전북특별자치도 설치 등에 관한 특별법 (Special Act on the Establishment of Jeonbuk Special Self-Governing Province), in force 2024-01-18',
		url: 'https://www.law.go.kr/법령/전북특별자치도설치등에관한특별법'
	},
	{
		id: 'gunwi-transfer-act',
		title: '경상북도와 대구광역시 간 관할구역 변경에 관한 법률 (Act on the change of jurisdiction between Gyeongsangbuk-do and Daegu: Gunwi-gun to Daegu), in force 2023-07-01',
		url: 'https://www.law.go.kr/법령/경상북도와대구광역시간관할구역변경에관한법률'
	},
	{
		id: 'michuhol-renaming',
		title: 'Renaming of Incheon Nam-gu to Michuhol-gu, in force 2018-07-01 (Michuhol-gu office; the title and number of the legal act were not checked here)',
		url: 'https://www.michuhol.go.kr'
	},
	{
		id: 'incheon-2026-act',
		title: '인천광역시 제물포구·영종구 및 검단구 설치 등에 관한 법률, passed by the National Assembly on 2024-01-09, in force 2026-07-01 (press reports of the Ministry of the Interior and Safety announcement; act text not read here)',
		url: 'https://telegraphkorea.com/3607'
	},
	{
		id: 'gwangju-jeonnam-2026-press',
		title: 'Press: the National Assembly passed the 전남광주통합특별시 설치를 위한 특별법 on 2026-03-01, launch planned for 2026-07-01 (Asia Economy, 2026-03-01); act text not read here',
		url: 'https://www.asiae.co.kr/article/2026030121443114468'
	},
	{
		id: 'integration-acts-2026-press',
		title: 'Press: the Chungnam–Daejeon and Daegu–Gyeongbuk integration bills were held back in committee on 2026-02-24 (Seoul Shinmun, 2026-02-24)',
		url: 'https://www.seoul.co.kr/news/politics/congress/2026/02/24/20260224500136'
	}
];

interface ProvincialPeriod {
	ko: string;
	kind: KoreanLocalGovernmentKind;
	romanized: string;
	fr: string;
	alternativeNames: string[];
	validFrom: string | null;
	validTo: string | null;
	sources: string[];
}

interface ProvincialDefinition {
	code: string;
	/** The name the cosmosfarm list uses (the one current on 2024-12-09). */
	inputName: string;
	/** Short form Koreans write before a basic-level name: "서울 중구", "경기 수원시". */
	shortKo: string;
	periods: ProvincialPeriod[];
	uncertainty?: string;
}

function onePeriod(
	ko: string,
	kind: KoreanLocalGovernmentKind,
	romanized: string,
	fr: string,
	alternativeNames: string[]
): ProvincialPeriod[] {
	return [{ ko, kind, romanized, fr, alternativeNames, validFrom: null, validTo: null, sources: [] }];
}

const GWANGJU_JEONNAM_UNCERTAINTY =
	'An act merging Gwangju and Jeollanam-do into 전남광주통합특별시 was reported passed on 2026-03-01 with a launch planned for 2026-07-01; not verified against the promulgated act, so this record has no end date (see the notes).';

/**
 * In the order of the Local Autonomy Act and of ISO 3166-2:KR (special city, metropolitan cities,
 * Sejong, provinces). Romanized: the short name the governments use in English (Seoul, Busan…),
 * "-do" in Revised Romanization for provinces, and "Gangwon State" / "Jeonbuk State", the English
 * names the two provinces adopted with their special status. French: the forms of French usage
 * (Séoul; "province du Gyeongsang du Nord").
 */
const PROVINCIAL: ProvincialDefinition[] = [
	{ code: 'KR-11', inputName: '서울특별시', shortKo: '서울', periods: onePeriod('서울특별시', 'special-city', 'Seoul', 'Séoul', ['Seoul Special City', 'Seoul-teukbyeolsi']) },
	{ code: 'KR-26', inputName: '부산광역시', shortKo: '부산', periods: onePeriod('부산광역시', 'metropolitan-city', 'Busan', 'Busan', ['Busan Metropolitan City', 'Pusan']) },
	{ code: 'KR-27', inputName: '대구광역시', shortKo: '대구', periods: onePeriod('대구광역시', 'metropolitan-city', 'Daegu', 'Daegu', ['Daegu Metropolitan City', 'Taegu']) },
	{ code: 'KR-28', inputName: '인천광역시', shortKo: '인천', periods: onePeriod('인천광역시', 'metropolitan-city', 'Incheon', 'Incheon', ['Incheon Metropolitan City', 'Inchon']) },
	{
		code: 'KR-29',
		inputName: '광주광역시',
		shortKo: '광주',
		periods: onePeriod('광주광역시', 'metropolitan-city', 'Gwangju', 'Gwangju', ['Gwangju Metropolitan City', 'Kwangju']),
		uncertainty: GWANGJU_JEONNAM_UNCERTAINTY
	},
	{ code: 'KR-30', inputName: '대전광역시', shortKo: '대전', periods: onePeriod('대전광역시', 'metropolitan-city', 'Daejeon', 'Daejeon', ['Daejeon Metropolitan City', 'Taejon']) },
	{ code: 'KR-31', inputName: '울산광역시', shortKo: '울산', periods: onePeriod('울산광역시', 'metropolitan-city', 'Ulsan', 'Ulsan', ['Ulsan Metropolitan City']) },
	{ code: 'KR-50', inputName: '세종특별자치시', shortKo: '세종', periods: onePeriod('세종특별자치시', 'special-self-governing-city', 'Sejong', 'Sejong', ['Sejong Special Self-Governing City', 'Sejong City']) },
	{ code: 'KR-41', inputName: '경기도', shortKo: '경기', periods: onePeriod('경기도', 'province', 'Gyeonggi-do', 'Province de Gyeonggi', ['Gyeonggi Province', 'Gyeonggi']) },
	{
		// ISO kept KR-42 through the change (category changed on 2023-11-23): one code, two periods.
		code: 'KR-42',
		inputName: '강원특별자치도',
		shortKo: '강원',
		periods: [
			{ ko: '강원도', kind: 'province', romanized: 'Gangwon-do', fr: 'Province de Gangwon', alternativeNames: ['Gangwon Province', 'Gangwon'], validFrom: null, validTo: '2023-06-10', sources: ['gangwon-special-act'] },
			{ ko: '강원특별자치도', kind: 'special-self-governing-province', romanized: 'Gangwon State', fr: 'Province de Gangwon', alternativeNames: ['Gangwon Special Self-Governing Province', 'Gangwon-teukbyeoljachido', 'Gangwon-do', 'Gangwon'], validFrom: '2023-06-11', validTo: null, sources: ['gangwon-special-act', 'iso-3166-2-kr'] }
		]
	},
	{ code: 'KR-43', inputName: '충청북도', shortKo: '충북', periods: onePeriod('충청북도', 'province', 'Chungcheongbuk-do', 'Province du Chungcheong du Nord', ['North Chungcheong', 'Chungbuk']) },
	{ code: 'KR-44', inputName: '충청남도', shortKo: '충남', periods: onePeriod('충청남도', 'province', 'Chungcheongnam-do', 'Province du Chungcheong du Sud', ['South Chungcheong', 'Chungnam']) },
	{
		code: 'KR-45',
		inputName: '전북특별자치도',
		shortKo: '전북',
		periods: [
			{ ko: '전라북도', kind: 'province', romanized: 'Jeollabuk-do', fr: 'Province du Jeolla du Nord', alternativeNames: ['North Jeolla', 'Jeonbuk'], validFrom: null, validTo: '2024-01-17', sources: ['jeonbuk-special-act'] },
			{ ko: '전북특별자치도', kind: 'special-self-governing-province', romanized: 'Jeonbuk State', fr: 'Province de Jeonbuk', alternativeNames: ['Jeonbuk Special Self-Governing Province', 'Jeonbuk-teukbyeoljachido', 'Jeollabuk-do', 'North Jeolla', 'Jeolla du Nord'], validFrom: '2024-01-18', validTo: null, sources: ['jeonbuk-special-act'] }
		]
	},
	{
		code: 'KR-46',
		inputName: '전라남도',
		shortKo: '전남',
		periods: onePeriod('전라남도', 'province', 'Jeollanam-do', 'Province du Jeolla du Sud', ['South Jeolla', 'Jeonnam']),
		uncertainty: GWANGJU_JEONNAM_UNCERTAINTY
	},
	{ code: 'KR-47', inputName: '경상북도', shortKo: '경북', periods: onePeriod('경상북도', 'province', 'Gyeongsangbuk-do', 'Province du Gyeongsang du Nord', ['North Gyeongsang', 'Gyeongbuk']) },
	{ code: 'KR-48', inputName: '경상남도', shortKo: '경남', periods: onePeriod('경상남도', 'province', 'Gyeongsangnam-do', 'Province du Gyeongsang du Sud', ['South Gyeongsang', 'Gyeongnam']) },
	{ code: 'KR-49', inputName: '제주특별자치도', shortKo: '제주', periods: onePeriod('제주특별자치도', 'special-self-governing-province', 'Jeju-do', 'Province de Jeju', ['Jeju Special Self-Governing Province', 'Jeju-teukbyeoljachido', 'Jeju']) }
];

/**
 * es-hangul's `romanize` follows the standard pronunciation and inserts an ㄴ before 야/여 after
 * a final consonant (남양주 → "namnyangju"); these Sino-Korean place names are not pronounced so
 * and the governments write them without it (Namyangju-si, Anyang-si, Tongyeong-si…).
 */
const ROMANIZATION_CORRECTIONS: Record<string, string> = {
	남양주: 'Namyangju',
	안양: 'Anyang',
	단양: 'Danyang',
	청양: 'Cheongyang',
	통영: 'Tongyeong',
	밀양: 'Miryang',
	함양: 'Hamyang',
	담양: 'Damyang'
};

/**
 * Revised Romanization rule for administrative units (Romanization of Korean, 2000, art. 5):
 * the unit (시 si, 군 gun, 구 gu) follows a hyphen and sound changes across the hyphen are not
 * transcribed; the first letter is capitalised (proper noun). So 종로구 → Jongno-gu, 중구 → Jung-gu.
 */
function romanizeBasicName(ko: string): string {
	const stem = ko.slice(0, -1);
	const unit = ko.slice(-1);
	const unitRomanized = { 시: 'si', 군: 'gun', 구: 'gu' }[unit];
	if (!unitRomanized) throw new Error(`unknown administrative unit in ${ko}`);
	const stemRomanized = ROMANIZATION_CORRECTIONS[stem] ?? romanize(stem);
	return `${stemRomanized.charAt(0).toUpperCase()}${stemRomanized.slice(1)}-${unitRomanized}`;
}

function slugOf(romanized: string): string {
	return romanized.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Jeju's two cities are administrative cities (행정시) under the Jeju Special Act: no council, no elected mayor. */
const ADMINISTRATIVE_CITIES_OF_JEJU = new Set(['제주시', '서귀포시']);

interface BasicChange {
	parentCode: string;
	ko: string;
	/** The code is that of the current (or last) name: a renaming keeps the code, like ISO's KR-42. */
	codeName: string;
	validFrom: string | null;
	validTo: string | null;
	sources: string[];
	notes: string[];
	predecessorCodes: string[];
}

/**
 * Units missing from the 2024-12-09 list or ended after it. A unit listed in the input and not
 * named here is taken as valid throughout the coverage period.
 */
const EXTRA_BASIC_PERIODS: BasicChange[] = [
	{ parentCode: 'KR-28', ko: '남구', codeName: '미추홀구', validFrom: null, validTo: '2018-06-30', sources: ['michuhol-renaming'], notes: ['Renamed 미추홀구 (Michuhol-gu) on 2018-07-01.'], predecessorCodes: [] },
	{ parentCode: 'KR-47', ko: '군위군', codeName: '군위군', validFrom: null, validTo: '2023-06-30', sources: ['gunwi-transfer-act'], notes: ['Transferred to 대구광역시 on 2023-07-01.'], predecessorCodes: [] },
	{ parentCode: 'KR-28', ko: '제물포구', codeName: '제물포구', validFrom: '2026-07-01', validTo: null, sources: ['incheon-2026-act'], notes: ['Created from the mainland part of Incheon Jung-gu and Dong-gu.'], predecessorCodes: ['KR-28:jung-gu', 'KR-28:dong-gu'] },
	{ parentCode: 'KR-28', ko: '영종구', codeName: '영종구', validFrom: '2026-07-01', validTo: null, sources: ['incheon-2026-act'], notes: ['Created from the islands of Incheon Jung-gu (Yeongjongdo, Yongyudo…).'], predecessorCodes: ['KR-28:jung-gu'] },
	{ parentCode: 'KR-28', ko: '검단구', codeName: '검단구', validFrom: '2026-07-01', validTo: null, sources: ['incheon-2026-act'], notes: ['Created from the part of Incheon Seo-gu north of the Ara canal.'], predecessorCodes: ['KR-28:seo-gu'] }
];

/** Changes to units of the input list, keyed by "parent code|Korean name". */
const INPUT_BASIC_CHANGES: Record<string, Pick<BasicChange, 'validFrom' | 'validTo' | 'sources' | 'notes' | 'predecessorCodes'>> = {
	'KR-28|미추홀구': { validFrom: '2018-07-01', validTo: null, sources: ['michuhol-renaming'], notes: ['Named 남구 (Nam-gu) until 2018-06-30.'], predecessorCodes: [] },
	'KR-27|군위군': { validFrom: '2023-07-01', validTo: null, sources: ['gunwi-transfer-act'], notes: ['Part of 경상북도 until 2023-06-30.'], predecessorCodes: ['KR-47:gunwi-gun'] },
	'KR-28|중구': { validFrom: null, validTo: '2026-06-30', sources: ['incheon-2026-act'], notes: ['Abolished on 2026-07-01: split between 제물포구 and 영종구.'], predecessorCodes: [] },
	'KR-28|동구': { validFrom: null, validTo: '2026-06-30', sources: ['incheon-2026-act'], notes: ['Abolished on 2026-07-01: merged into 제물포구.'], predecessorCodes: [] },
	'KR-28|서구': { validFrom: null, validTo: null, sources: ['incheon-2026-act'], notes: ['Loses its northern part (검단구) on 2026-07-01; same local government.'], predecessorCodes: [] }
};

function kindOfBasic(ko: string, parent: ProvincialDefinition): KoreanLocalGovernmentKind {
	if (parent.code === 'KR-49' && ADMINISTRATIVE_CITIES_OF_JEJU.has(ko)) return 'administrative-city';
	if (ko.endsWith('시')) return 'si';
	if (ko.endsWith('군')) return 'gun';
	// In the input, every 구 sits directly under a special or metropolitan city: autonomous gu.
	// The non-autonomous gu of large si (수원시 장안구…) are not in it.
	if (ko.endsWith('구') && parent.periods.every((period) => period.kind === 'special-city' || period.kind === 'metropolitan-city')) return 'autonomous-gu';
	throw new Error(`cannot tell the kind of ${ko} under ${parent.inputName}`);
}

function basicRecord(parent: ProvincialDefinition, ko: string, change: Omit<BasicChange, 'parentCode' | 'ko'>): KoreanLocalGovernmentRecord {
	const romanized = romanizeBasicName(ko);
	const code = `${parent.code}:${slugOf(romanizeBasicName(change.codeName))}`;
	return {
		code,
		administrativeCode: null,
		level: 'basic',
		kind: kindOfBasic(ko, parent),
		parentCode: parent.code,
		names: { ko, romanized, fr: romanized },
		shortKo: null,
		alternativeNames: [],
		validFrom: change.validFrom,
		validTo: change.validTo,
		uncertain: false,
		uncertainty: null,
		predecessorCodes: change.predecessorCodes,
		notes: change.notes,
		sources: ['cosmosfarm-2024-12', ...change.sources]
	};
}

const NOTES: KoreanLocalGovernmentNote[] = [
	{
		subject: 'Gwangju–Jeollanam-do merger (전남광주통합특별시)',
		codes: ['KR-29', 'KR-46'],
		uncertain: true,
		text: 'Planned merger of 광주광역시 and 전라남도 into 전남광주통합특별시 (short name 광주특별시). Press reports say the National Assembly passed the special act on 2026-03-01 and that the merged government would start on 2026-07-01, the basic-level si, gun and gu keeping their names. Not verified against the promulgated act, its in-force date, or an ISO 3166-2 update: no merged record is in this table and KR-29 / KR-46 stay open-ended. Check on law.go.kr before relying on it.',
		sources: ['gwangju-jeonnam-2026-press']
	},
	{
		subject: 'Daegu–Gyeongsangbuk-do and Daejeon–Chungcheongnam-do integration',
		codes: ['KR-27', 'KR-47', 'KR-30', 'KR-44'],
		uncertain: true,
		text: 'Integration bills were discussed in 2024–2026; press reports say both were held back in the National Assembly judiciary committee on 2026-02-24. Nothing recorded.',
		sources: ['integration-acts-2026-press']
	},
	{
		subject: 'Incheon reorganisation of 2026-07-01',
		codes: ['KR-28'],
		uncertain: false,
		text: 'By an act passed on 2024-01-09, Incheon Jung-gu and Dong-gu are abolished on 2026-07-01 and 제물포구, 영종구 and 검단구 are created (2 gun and 8 gu become 2 gun and 9 gu). Recorded with those dates. The dates come from the Ministry announcement as reported in the press; the list after 2026-07-01 was not checked against an official list.',
		sources: ['incheon-2026-act']
	},
	{
		subject: 'Non-autonomous gu and Bucheon',
		codes: ['KR-41'],
		uncertain: false,
		text: 'The gu of large si (e.g. 수원시 장안구, and Bucheon\'s 원미구, 소사구, 오정구 re-created on 2024-01-01) are administrative divisions without council or elected head. The input list does not contain them and this table does not either; the kind non-autonomous-gu exists for a later addition.',
		sources: ['cosmosfarm-2024-12', 'mois']
	}
];

function buildTable(input: { version: string; data: Record<string, string[]>[] }): KoreanLocalGovernmentTable {
	if (input.version !== INPUT_AS_OF.replaceAll('-', '')) throw new Error(`expected the list of ${INPUT_AS_OF}, got ${input.version}`);
	const basicNamesByProvince = new Map<string, string[]>();
	for (const entry of input.data) for (const [name, units] of Object.entries(entry)) basicNamesByProvince.set(name, units);
	if (basicNamesByProvince.size !== PROVINCIAL.length) throw new Error(`expected ${PROVINCIAL.length} provincial entries, got ${basicNamesByProvince.size}`);

	const records: KoreanLocalGovernmentRecord[] = [];
	for (const province of PROVINCIAL) {
		const units = basicNamesByProvince.get(province.inputName);
		if (!units) throw new Error(`${province.inputName} is missing from the input`);
		for (const period of province.periods) {
			records.push({
				code: province.code,
				administrativeCode: null,
				level: 'provincial',
				kind: period.kind,
				parentCode: null,
				names: { ko: period.ko, romanized: period.romanized, fr: period.fr },
				shortKo: province.shortKo,
				alternativeNames: period.alternativeNames,
				validFrom: period.validFrom,
				validTo: period.validTo,
				uncertain: province.uncertainty !== undefined,
				uncertainty: province.uncertainty ?? null,
				predecessorCodes: [],
				notes: [],
				sources: ['cosmosfarm-2024-12', 'iso-3166-2-kr', ...period.sources]
			});
		}
		for (const ko of units) {
			const change = INPUT_BASIC_CHANGES[`${province.code}|${ko}`] ?? { validFrom: null, validTo: null, sources: [], notes: [], predecessorCodes: [] };
			records.push(basicRecord(province, ko, { codeName: ko, ...change }));
		}
		for (const extra of EXTRA_BASIC_PERIODS.filter((candidate) => candidate.parentCode === province.code)) {
			records.push(basicRecord(province, extra.ko, extra));
		}
	}
	return {
		description: 'Korean local governments (17 provincial-level, their si, gun and autonomous gu; Jeju\'s administrative cities marked as such), with validity dates. Built by build-korea-local-governments.ts; method and sources in korea-local-governments.md.',
		inputAsOf: INPUT_AS_OF,
		coverageStart: COVERAGE_START,
		sources: SOURCES,
		notes: NOTES,
		records
	};
}

const inputPath = process.argv[2];
if (!inputPath) throw new Error('usage: build-korea-local-governments.ts <korea-administrative-districts-2024-12.json>');
const table = buildTable(JSON.parse(readFileSync(inputPath, 'utf8')));
const outputPath = join(dirname(fileURLToPath(import.meta.url)), 'korea-local-governments.json');
writeFileSync(outputPath, `${JSON.stringify(table, null, '\t')}\n`);
console.log(`${table.records.length} records written to ${outputPath}`);
