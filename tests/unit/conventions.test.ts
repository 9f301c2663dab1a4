/** Conventions of ENGINEERING.md, checked rather than only written (rule 11). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(directory: string, pattern: RegExp): string[] {
	return readdirSync(directory).flatMap((entry) => {
		const path = join(directory, entry);
		if (statSync(path).isDirectory()) return entry === 'paraglide' ? [] : filesUnder(path, pattern);
		return pattern.test(entry) ? [path] : [];
	});
}

describe('routes are adapters (rule 1)', () => {
	it('no file under src/routes imports kysely, a database driver or a repository', () => {
		const offenders = filesUnder(join(root, 'src/routes'), /\.(ts|svelte)$/).filter((file) =>
			/from\s+['"](kysely|better-sqlite3|pg)['"]|\.repository(\.js|\.ts)?['"]|\/db\/(connection|database)['"]/.test(readFileSync(file, 'utf8'))
		);
		expect(offenders.map((file) => relative(root, file))).toEqual([]);
	});
});

describe('all SQL lives in repositories (rule 2)', () => {
	it('services do not build queries themselves', () => {
		const offenders = filesUnder(join(root, 'src/lib/server'), /\.service\.ts$/).filter((file) =>
			/\.(selectFrom|insertInto|updateTable|deleteFrom)\(/.test(readFileSync(file, 'utf8'))
		);
		expect(offenders.map((file) => relative(root, file))).toEqual([]);
	});
});

describe('three languages (every user-facing string in French, Korean and English)', () => {
	const catalogues = Object.fromEntries(
		['fr', 'ko', 'en'].map((locale) => [locale, JSON.parse(readFileSync(join(root, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>])
	);
	const keys = (locale: string) => Object.keys(catalogues[locale]).filter((key) => key !== '$schema').sort();
	const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

	it('has the same keys in each language', () => {
		expect(keys('ko')).toEqual(keys('fr'));
		expect(keys('en')).toEqual(keys('fr'));
	});
	it('has no empty message, and the same {parameters} in each language', () => {
		for (const key of keys('fr')) {
			for (const locale of ['fr', 'ko', 'en']) expect(catalogues[locale][key].trim(), `${locale}.${key}`).not.toBe('');
			expect(parameters(catalogues.ko[key]), `ko.${key}`).toEqual(parameters(catalogues.fr[key]));
			expect(parameters(catalogues.en[key]), `en.${key}`).toEqual(parameters(catalogues.fr[key]));
		}
	});
	it('really translates into Korean: Korean text contains Hangul unless it is a name or a code', () => {
		const untranslatable = new Set(['app_name', 'language_fr', 'language_en', 'zone_utc']);
		const missing = keys('ko').filter((key) => !untranslatable.has(key) && !/[\uac00-\ud7a3]/.test(catalogues.ko[key]));
		expect(missing).toEqual([]);
	});
});
