import { describe, expect, it } from 'vitest';
import {
	findKoreanLocalGovernment,
	koreanLocalGovernmentTable,
	listKoreanLocalGovernments,
	searchKoreanLocalGovernments,
	type KoreanLocalGovernmentKind,
	type KoreanLocalGovernmentRecord
} from './korea-local-governments';

/** The date of the cosmosfarm list the table was built from. */
const INPUT_DATE = '2024-12-09';

const KINDS: KoreanLocalGovernmentKind[] = [
	'special-city',
	'metropolitan-city',
	'special-self-governing-city',
	'province',
	'special-self-governing-province',
	'si',
	'gun',
	'autonomous-gu',
	'administrative-city',
	'non-autonomous-gu'
];

function countByKind(records: KoreanLocalGovernmentRecord[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const record of records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
	return counts;
}

/** Every date at which some record starts or ends, and the day before and after: where the table changes. */
function boundaryDates(): string[] {
	const dates = new Set<string>(['2000-01-01', INPUT_DATE, '2030-01-01']);
	const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
	for (const record of koreanLocalGovernmentTable.records) {
		for (const date of [record.validFrom, record.validTo]) {
			if (date) for (const days of [-1, 0, 1]) dates.add(shift(date, days));
		}
	}
	return [...dates].sort();
}

describe('counts as of 2024-12-09', () => {
	const records = listKoreanLocalGovernments(INPUT_DATE);

	it('has the 17 provincial-level governments', () => {
		expect(records.filter((record) => record.level === 'provincial')).toHaveLength(17);
	});

	it('has 226 basic-level local governments: 75 si, 82 gun, 69 autonomous gu (the Ministry of the Interior figures for 2024)', () => {
		expect(records.filter((record) => record.level === 'basic')).toHaveLength(226);
		expect(countByKind(records)).toMatchObject({ si: 75, gun: 82, 'autonomous-gu': 69 });
	});

	it("leaves Jeju's two administrative cities out unless asked", () => {
		expect(records.some((record) => record.kind === 'administrative-city')).toBe(false);
		const withAdministrativeUnits = listKoreanLocalGovernments(INPUT_DATE, { includeAdministrativeUnits: true });
		expect(withAdministrativeUnits.filter((record) => record.kind === 'administrative-city').map((record) => record.names.ko)).toEqual(['제주시', '서귀포시']);
	});

	it('lists the provincial level first, Seoul first', () => {
		expect(records[0].code).toBe('KR-11');
		expect(records.findIndex((record) => record.level === 'basic')).toBe(17);
	});
});

describe('changes over time', () => {
	it('renames Gangwon-do on 2023-06-11, keeping KR-42', () => {
		expect(findKoreanLocalGovernment('KR-42', '2023-06-10')?.names).toMatchObject({ ko: '강원도', romanized: 'Gangwon-do' });
		expect(findKoreanLocalGovernment('KR-42', '2023-06-10')?.kind).toBe('province');
		expect(findKoreanLocalGovernment('KR-42', '2023-06-11')?.names).toMatchObject({ ko: '강원특별자치도', romanized: 'Gangwon State' });
		expect(findKoreanLocalGovernment('KR-42', '2023-06-11')?.kind).toBe('special-self-governing-province');
	});

	it('renames Jeollabuk-do on 2024-01-18, keeping KR-45', () => {
		expect(findKoreanLocalGovernment('KR-45', '2024-01-17')?.names.ko).toBe('전라북도');
		expect(findKoreanLocalGovernment('KR-45', '2024-01-18')?.names).toMatchObject({ ko: '전북특별자치도', romanized: 'Jeonbuk State' });
	});

	it('moves Gunwi-gun from Gyeongsangbuk-do to Daegu on 2023-07-01', () => {
		const gunwiOn = (date: string) => listKoreanLocalGovernments(date).filter((record) => record.names.ko === '군위군');
		expect(gunwiOn('2023-06-30').map((record) => record.parentCode)).toEqual(['KR-47']);
		expect(gunwiOn('2023-07-01').map((record) => record.parentCode)).toEqual(['KR-27']);
		expect(findKoreanLocalGovernment('KR-27:gunwi-gun', '2023-07-01')?.predecessorCodes).toEqual(['KR-47:gunwi-gun']);
	});

	it('renames Incheon Nam-gu to Michuhol-gu on 2018-07-01, keeping its code', () => {
		expect(findKoreanLocalGovernment('KR-28:michuhol-gu', '2018-06-30')?.names.ko).toBe('남구');
		expect(findKoreanLocalGovernment('KR-28:michuhol-gu', '2018-07-01')?.names).toMatchObject({ ko: '미추홀구', romanized: 'Michuhol-gu' });
		const incheonNamesOn = (date: string) => listKoreanLocalGovernments(date).filter((record) => record.parentCode === 'KR-28').map((record) => record.names.ko);
		expect(incheonNamesOn('2018-06-30')).toContain('남구');
		expect(incheonNamesOn('2018-06-30')).not.toContain('미추홀구');
		expect(incheonNamesOn('2018-07-01')).toContain('미추홀구');
		expect(incheonNamesOn('2018-07-01')).not.toContain('남구');
	});

	it('reorganises Incheon on 2026-07-01: 2 gun and 8 gu become 2 gun and 9 gu', () => {
		const incheonOn = (date: string) => listKoreanLocalGovernments(date).filter((record) => record.parentCode === 'KR-28');
		expect(countByKind(incheonOn('2026-06-30'))).toEqual({ gun: 2, 'autonomous-gu': 8 });
		expect(countByKind(incheonOn('2026-07-01'))).toEqual({ gun: 2, 'autonomous-gu': 9 });
		expect(incheonOn('2026-07-01').map((record) => record.names.ko)).toEqual(expect.arrayContaining(['제물포구', '영종구', '검단구']));
	});

	it('records the Gwangju–Jeonnam merger only as an uncertain note, with no merged record', () => {
		const note = koreanLocalGovernmentTable.notes.find((candidate) => candidate.codes.includes('KR-29') && candidate.codes.includes('KR-46'));
		expect(note?.uncertain).toBe(true);
		expect(findKoreanLocalGovernment('KR-29', '2027-01-01')?.uncertain).toBe(true);
		expect(listKoreanLocalGovernments('2027-01-01').filter((record) => record.level === 'provincial')).toHaveLength(17);
	});
});

describe('search', () => {
	const onDate = INPUT_DATE;

	it('finds 구로구 by its initial consonants', () => {
		expect(searchKoreanLocalGovernments('ㄱㄹ', { onDate }).map((result) => result.record.names.ko)).toContain('구로구');
		expect(searchKoreanLocalGovernments('ㄱㄹㄱ', { onDate })[0].label.ko).toBe('서울특별시 구로구');
	});

	it('puts Seoul Jung-gu first for "서울 중구", and shows the parent of every 중구', () => {
		const results = searchKoreanLocalGovernments('서울 중구', { onDate });
		expect(results[0].record.code).toBe('KR-11:jung-gu');
		expect(results[0].label).toEqual({ ko: '서울특별시 중구', romanized: 'Jung-gu, Seoul', fr: 'Jung-gu (Séoul)' });
		expect(searchKoreanLocalGovernments('서울중구', { onDate })[0].record.code).toBe('KR-11:jung-gu');

		const jungGu = searchKoreanLocalGovernments('중구', { onDate }).filter((result) => result.match === 'exact');
		expect(jungGu.map((result) => result.label.ko)).toEqual(['서울특별시 중구', '부산광역시 중구', '대구광역시 중구', '인천광역시 중구', '대전광역시 중구', '울산광역시 중구']);
	});

	it.each(['seoul', 'SEOUL', 'séoul', 'Séoul', '서울', 'ㅅㅇ'])('finds Seoul first for "%s"', (query) => {
		expect(searchKoreanLocalGovernments(query, { onDate })[0].record.code).toBe('KR-11');
	});

	it('finds Suwon-si by its romanized name, with its province in the label', () => {
		const [first] = searchKoreanLocalGovernments('suwon', { onDate });
		expect(first.record.code).toBe('KR-41:suwon-si');
		expect(first.label).toEqual({ ko: '경기도 수원시', romanized: 'Suwon-si, Gyeonggi-do', fr: 'Suwon-si (Province de Gyeonggi)' });
	});

	it('finds provinces by their French, romanized or short names', () => {
		expect(searchKoreanLocalGovernments('gyeonggi', { onDate })[0].record.code).toBe('KR-41');
		expect(searchKoreanLocalGovernments('gyeongsang du nord', { onDate })[0].record.code).toBe('KR-47');
		expect(searchKoreanLocalGovernments('Gyeongbuk', { onDate })[0].record.code).toBe('KR-47');
		expect(searchKoreanLocalGovernments('gangwon-do', { onDate })[0].record.names.ko).toBe('강원특별자치도');
	});

	it('ranks exact before prefix before substring, provincial before basic', () => {
		// 광주광역시 (exact short name) before 경기도 광주시 (prefix), before the 광주 gu (prefix through the parent).
		const results = searchKoreanLocalGovernments('광주', { onDate });
		expect(results[0].record.code).toBe('KR-29');
		expect(results[0].match).toBe('exact');
		expect(results[1].record.code).toBe('KR-41:gwangju-si');
		const order = { exact: 0, prefix: 1, substring: 2 };
		const ranks = results.map((result) => order[result.match]);
		expect(ranks).toEqual([...ranks].sort((left, right) => left - right));
	});

	it('answers for the date it is given', () => {
		expect(searchKoreanLocalGovernments('군위', { onDate: '2023-06-30' })[0].label.ko).toBe('경상북도 군위군');
		expect(searchKoreanLocalGovernments('군위', { onDate: '2023-07-01' })[0].label.ko).toBe('대구광역시 군위군');
		expect(searchKoreanLocalGovernments('강원', { onDate: '2023-06-10' })[0].record.names.ko).toBe('강원도');
	});

	it('respects the limit and returns nothing for an empty query', () => {
		expect(searchKoreanLocalGovernments('구', { onDate, limit: 3 })).toHaveLength(3);
		expect(searchKoreanLocalGovernments('  ', { onDate })).toEqual([]);
		expect(searchKoreanLocalGovernments('zzzz', { onDate })).toEqual([]);
	});

	it('rejects a date that is not YYYY-MM-DD', () => {
		expect(() => listKoreanLocalGovernments('09/12/2024')).toThrow(TypeError);
		expect(() => searchKoreanLocalGovernments('seoul', { onDate: '2024-13-45' })).toThrow(TypeError);
	});
});

describe('table integrity', () => {
	const { records, sources } = koreanLocalGovernmentTable;
	const sourceIds = new Set(sources.map((source) => source.id));

	it('gives every record a Korean, romanized and French name, a known kind and known sources', () => {
		for (const record of records) {
			expect(record.names.ko, record.code).toMatch(/^[가-힣]+$/);
			expect(record.names.romanized, record.code).toMatch(/^[A-Z][A-Za-z -]+$/);
			expect(record.names.fr.length, record.code).toBeGreaterThan(0);
			expect(KINDS, record.code).toContain(record.kind);
			expect(record.sources.length, record.code).toBeGreaterThan(0);
			for (const id of record.sources) expect(sourceIds, `${record.code}: ${id}`).toContain(id);
			if (record.uncertain) expect(record.uncertainty, record.code).toBeTruthy();
			if (record.validFrom && record.validTo) expect(record.validFrom <= record.validTo, record.code).toBe(true);
		}
		for (const note of koreanLocalGovernmentTable.notes) for (const id of note.sources) expect(sourceIds).toContain(id);
	});

	it('writes basic-level names in Revised Romanization with the unit after a hyphen', () => {
		for (const record of records.filter((candidate) => candidate.level === 'basic')) {
			expect(record.names.romanized, record.names.ko).toMatch(/^[A-Z][a-z]+-(si|gun|gu)$/);
			expect(record.code).toBe(`${record.parentCode}:${record.code.split(':')[1]}`);
		}
	});

	it('uses ISO 3166-2:KR codes for the provincial level', () => {
		const codes = new Set(records.filter((record) => record.level === 'provincial').map((record) => record.code));
		expect([...codes].sort()).toEqual(['KR-11', 'KR-26', 'KR-27', 'KR-28', 'KR-29', 'KR-30', 'KR-31', 'KR-41', 'KR-42', 'KR-43', 'KR-44', 'KR-45', 'KR-46', 'KR-47', 'KR-48', 'KR-49', 'KR-50']);
	});

	it.each(boundaryDates())('on %s: codes are unique and every basic record has its parent', (date) => {
		const valid = records.filter((record) => (record.validFrom === null || record.validFrom <= date) && (record.validTo === null || date <= record.validTo));
		const codes = valid.map((record) => record.code);
		expect(new Set(codes).size).toBe(codes.length);
		const provincialCodes = new Set(valid.filter((record) => record.level === 'provincial').map((record) => record.code));
		for (const record of valid.filter((candidate) => candidate.level === 'basic')) {
			expect(provincialCodes, record.code).toContain(record.parentCode);
		}
	});
});
