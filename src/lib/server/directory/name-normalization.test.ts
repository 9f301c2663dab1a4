import { describe, expect, it } from 'vitest';
import { normalizeName } from './name-normalization';

describe('comparing names', () => {
	it('ignores accents, case, punctuation and spacing', () => {
		expect(normalizeName('ISSY LES MOULINEAUX')).toBe(normalizeName('Issy-les-Moulineaux'));
		expect(normalizeName("CONSEIL REGIONAL D'AUVERGNE-RHONE-ALPES")).toBe('conseil regional d auvergne rhone alpes');
		expect(normalizeName('Région Auvergne-Rhône-Alpes')).toBe('region auvergne rhone alpes');
		expect(normalizeName('  Cœur   de ville ')).toBe('coeur de ville');
	});
	it('keeps Hangul syllables whole', () => {
		expect(normalizeName('서울특별시 중구')).toBe('서울특별시 중구');
		expect(normalizeName('경상북도')).toBe('경상북도');
	});
});
