import { describe, expect, it } from 'vitest';
import { orderTitlesOn, titleOn } from './person-titles';

describe('titleOn: the title a person had on a day', () => {
	const titles = [
		{ title: 'Adjointe au maire', language: 'fr' as const, validFrom: '2020-07-03', validTo: '2026-03-22' },
		{ title: 'Maire', language: 'fr' as const, validFrom: '2026-03-23', validTo: null },
		{ title: '시장', language: 'ko' as const, validFrom: '2026-03-23', validTo: null },
		{ title: 'Conseillère municipale', language: 'fr' as const, validFrom: null, validTo: '2020-07-02' },
		{ title: 'Élue', language: 'fr' as const, validFrom: null, validTo: null }
	];

	it('takes the dated title valid that day, both ends included', () => {
		expect(titleOn(titles, '2024-02-27')?.title).toBe('Adjointe au maire');
		expect(titleOn(titles, '2020-07-03')?.title).toBe('Adjointe au maire');
		expect(titleOn(titles, '2026-03-22')?.title).toBe('Adjointe au maire');
		expect(titleOn(titles, '2020-07-02')?.title).toBe('Conseillère municipale');
		expect(titleOn(titles, '2026-03-23')?.title).toBe('Maire');
	});

	it('prefers a title in the language asked for, when several hold', () => {
		expect(titleOn(titles, '2026-11-28', 'ko')?.title).toBe('시장');
		expect(titleOn(titles, '2026-11-28', 'fr')?.title).toBe('Maire');
		// Without a language asked for, the same title in two languages: French first, on every page alike.
		expect(titleOn([...titles].reverse(), '2026-11-28')?.title).toBe('Maire');
		// No Korean title in 2024: the French one, rather than none.
		expect(titleOn(titles, '2024-02-27', 'ko')?.title).toBe('Adjointe au maire');
	});

	it('prefers the most recent start, then the narrowest, among overlapping titles', () => {
		const overlapping = [
			{ title: 'Directrice', validFrom: '2018-01-01', validTo: null },
			{ title: 'Directrice par intérim', validFrom: '2024-01-01', validTo: '2024-06-30' },
			{ title: 'Directrice et chargée de mission', validFrom: '2024-01-01', validTo: null }
		];
		expect(titleOn(overlapping, '2024-03-01')?.title).toBe('Directrice par intérim');
		expect(titleOn(overlapping, '2024-07-01')?.title).toBe('Directrice et chargée de mission');
		expect(titleOn(overlapping, '2019-07-01')?.title).toBe('Directrice');
	});

	it('falls back on an undated title, and gives nothing when no title holds', () => {
		expect(titleOn([{ title: 'Élue', validFrom: null, validTo: null }], '1999-01-01')?.title).toBe('Élue');
		expect(titleOn(titles.slice(0, 2), '2019-01-01')).toBeUndefined();
		expect(titleOn([], '2024-02-27')).toBeUndefined();
	});
});

describe('orderTitlesOn: a record’s titles, the one held today first', () => {
	it('puts the held title first, then other valid ones, coming ones, then past ones', () => {
		const ordered = orderTitlesOn(
			[
				{ title: 'Ancienne', validFrom: '2010-01-01', validTo: '2015-12-31' },
				{ title: 'Plus ancienne', validFrom: '2005-01-01', validTo: '2009-12-31' },
				{ title: 'Sans dates', validFrom: null, validTo: null },
				{ title: 'À venir', validFrom: '2027-01-01', validTo: null },
				{ title: 'Actuelle', validFrom: '2016-01-01', validTo: null }
			],
			'2026-11-28'
		);
		expect(ordered.map((title) => [title.title, title.status])).toEqual([
			['Actuelle', 'current'],
			['Sans dates', 'current'],
			['À venir', 'future'],
			['Ancienne', 'past'],
			['Plus ancienne', 'past']
		]);
	});
});
