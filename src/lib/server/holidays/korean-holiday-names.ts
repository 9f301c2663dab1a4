/**
 * The names of Korea's public holidays in Korean (as the 「관공서의 공휴일에 관한 규정」 and the
 * gazette write them), French and English, and how a name of the official list is read: a
 * holiday, a substitute (대체공휴일(…)), a temporary holiday (임시공휴일) or an election day (…선거).
 */
import type { Holiday, HolidayKind } from './holidays';

type Name = Holiday['name'];

/** The holidays the regulation lists, by a key used by the computation of korean-holidays.ts. */
export const KOREAN_HOLIDAY_NAMES = {
	newYear: { fr: "Jour de l'an", ko: '1월 1일', en: "New Year's Day" },
	seollalEve: { fr: 'Veille de Seollal (Nouvel An lunaire)', ko: '설날 전날', en: 'Day before Seollal (Lunar New Year)' },
	seollal: { fr: 'Seollal (Nouvel An lunaire)', ko: '설날', en: 'Seollal (Lunar New Year)' },
	seollalAfter: { fr: 'Lendemain de Seollal (Nouvel An lunaire)', ko: '설날 다음 날', en: 'Day after Seollal (Lunar New Year)' },
	independenceMovement: { fr: 'Fête du mouvement d’indépendance du 1er mars', ko: '3ㆍ1절', en: 'Independence Movement Day' },
	labour: { fr: 'Fête du Travail', ko: '노동절', en: 'Labour Day' },
	children: { fr: 'Journée des enfants', ko: '어린이날', en: "Children's Day" },
	buddha: { fr: 'Anniversaire de Bouddha', ko: '부처님오신날', en: "Buddha's Birthday" },
	memorial: { fr: 'Jour du Souvenir', ko: '현충일', en: 'Memorial Day' },
	constitution: { fr: 'Jour de la Constitution', ko: '제헌절', en: 'Constitution Day' },
	liberation: { fr: 'Jour de la Libération', ko: '광복절', en: 'Liberation Day' },
	chuseokEve: { fr: 'Veille de Chuseok (fête des récoltes)', ko: '추석 전날', en: 'Day before Chuseok (Harvest Festival)' },
	chuseok: { fr: 'Chuseok (fête des récoltes)', ko: '추석', en: 'Chuseok (Harvest Festival)' },
	chuseokAfter: { fr: 'Lendemain de Chuseok (fête des récoltes)', ko: '추석 다음 날', en: 'Day after Chuseok (Harvest Festival)' },
	nationalFoundation: { fr: 'Fête de la fondation nationale', ko: '개천절', en: 'National Foundation Day' },
	hangul: { fr: 'Jour du hangeul', ko: '한글날', en: 'Hangul Day' },
	christmas: { fr: 'Noël', ko: '기독탄신일', en: 'Christmas Day' }
} satisfies Record<string, Name>;

export type KoreanHolidayKey = keyof typeof KOREAN_HOLIDAY_NAMES;

const SEOLLAL: Name = { fr: 'Seollal', ko: '설날', en: 'Seollal' };
const CHUSEOK: Name = { fr: 'Chuseok', ko: '추석', en: 'Chuseok' };
/** What a substitute day is named after: the festival, not which of its three days it replaces. */
const SUBSTITUTE_OF: Partial<Record<KoreanHolidayKey, Name>> = {
	seollalEve: SEOLLAL,
	seollal: SEOLLAL,
	seollalAfter: SEOLLAL,
	chuseokEve: CHUSEOK,
	chuseok: CHUSEOK,
	chuseokAfter: CHUSEOK
};

/** 대체공휴일(설날): "Jour férié de remplacement (Seollal)". */
export function substituteName(key: KoreanHolidayKey): Name {
	const of = SUBSTITUTE_OF[key] ?? KOREAN_HOLIDAY_NAMES[key];
	return { fr: `Jour férié de remplacement (${of.fr})`, ko: `대체공휴일(${of.ko})`, en: `Substitute holiday (${of.en})` };
}

/** The spellings of the gazette lists that differ from the regulation's (spaces, middle dots). */
function normalised(koreanName: string): string {
	return koreanName.replace(/\s+/g, '').replace(/[·•‧ㆍ]/g, 'ㆍ');
}

const KEY_BY_KOREAN_NAME = new Map<string, KoreanHolidayKey>(
	(Object.entries(KOREAN_HOLIDAY_NAMES) as [KoreanHolidayKey, Name][]).map(([key, name]) => [normalised(name.ko), key])
);

const ELECTIONS: { pattern: RegExp; name: (term: string | undefined) => Omit<Name, 'ko'> }[] = [
	{
		pattern: /국회의원선거$/,
		name: (term) => ({
			fr: term ? `Élections législatives (${term}e Assemblée nationale)` : 'Élections législatives',
			en: term ? `Election of the ${ordinal(Number(term))} National Assembly` : 'National Assembly election'
		})
	},
	{ pattern: /대통령선거$/, name: () => ({ fr: 'Élection présidentielle', en: 'Presidential election' }) },
	{ pattern: /지방선거$/, name: () => ({ fr: 'Élections locales', en: 'Local elections' }) }
];

function ordinal(value: number): string {
	const suffix = value % 100 >= 11 && value % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
	return `${value}${suffix}`;
}

function electionName(koreanName: string): Omit<Name, 'ko'> | null {
	const compact = normalised(koreanName);
	const term = /^제(\d+)대/.exec(compact)?.[1];
	const election = ELECTIONS.find(({ pattern }) => pattern.test(compact));
	if (election) return election.name(term);
	if (compact.endsWith('선거')) return { fr: 'Jour d’élection', en: 'Election day' };
	return null;
}

/**
 * How a name of the official list reads. A name this table does not know (a new holiday in a
 * later edition of the package) keeps its Korean name in the three languages rather than being
 * dropped: korean-holidays.test.ts checks that every name of the bundled lists is known.
 */
export function readOfficialName(koreanName: string): { name: Name; kind: HolidayKind; known: boolean; key?: KoreanHolidayKey } {
	const compact = normalised(koreanName);
	const substituted = /^대체공휴일\((.+)\)$/.exec(compact)?.[1];
	if (substituted !== undefined) {
		const key = KEY_BY_KOREAN_NAME.get(substituted);
		if (key) return { name: substituteName(key), kind: 'substitute', known: true };
		return { name: { fr: koreanName, ko: koreanName, en: koreanName }, kind: 'substitute', known: false };
	}
	const temporary = /^임시공휴일(?:\((.+)\))?$/.exec(compact);
	if (temporary) {
		const reason = temporary[1] === undefined ? null : electionName(temporary[1]);
		return {
			name: {
				fr: reason ? `Jour férié exceptionnel (${reason.fr.toLowerCase()})` : 'Jour férié exceptionnel',
				ko: koreanName,
				en: reason ? `Temporary public holiday (${reason.en.toLowerCase()})` : 'Temporary public holiday'
			},
			kind: 'temporary',
			known: temporary[1] === undefined || reason !== null
		};
	}
	const election = electionName(koreanName);
	if (election) return { name: { ...election, ko: koreanName }, kind: 'election', known: true };
	const key = KEY_BY_KOREAN_NAME.get(compact);
	if (key) return { name: KOREAN_HOLIDAY_NAMES[key], kind: 'public', known: true, key };
	return { name: { fr: koreanName, ko: koreanName, en: koreanName }, kind: 'public', known: false };
}
