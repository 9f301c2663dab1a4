/**
 * What playwright.config.ts sets up for the run: where the server keeps its data, its origin, the
 * demo accounts (from src/lib/server/db/demo-data/demo-data.ts) and the message catalogues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the tests with \`npx playwright test\` (playwright.config.ts sets it)`);
	return value;
}

export const ORIGIN = required('DARI_E2E_ORIGIN');
export const DATA_DIR = required('DARI_E2E_DATA_DIR');
export const DATABASE_FILE = join(DATA_DIR, 'dari.sqlite');

export const DEMO_PASSWORD = 'dari-demo-2026';
export const DEMO_ACCOUNTS = {
	administrator: 'admin@demo.dari.test',
	coordinator: 'coordinator@demo.dari.test',
	member: 'member@demo.dari.test',
	partner: 'partner@demo.dari.test'
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** The cookies of a demo account signed in by tests/e2e/auth.setup.ts. */
export function storageStateOf(role: DemoRole): string {
	return join(required('DARI_E2E_DIR'), 'auth', `${role}.json`);
}

export const LOCALES = ['fr', 'ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalogue = Record<string, string>;
const catalogues = Object.fromEntries(
	LOCALES.map((locale) => [locale, JSON.parse(readFileSync(join('messages', `${locale}.json`), 'utf8')) as Catalogue])
) as Record<Locale, Catalogue>;

/**
 * A message as the app shows it, from messages/{locale}.json, so that the tests check the
 * translation the page should use without copying the catalogue. Parameters are filled in.
 */
export function message(locale: Locale, key: string, parameters: Record<string, string | number> = {}): string {
	const text = catalogues[locale][key];
	if (text === undefined) throw new Error(`No message ${key} in messages/${locale}.json`);
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in parameters ? String(parameters[name]) : whole));
}

/** The demo groups' names (demo-data.ts), which the group page uses as its heading. */
export const GROUP_NAMES = {
	coree: { fr: 'Groupe-pays Corée', ko: '한국 국가별 그룹', en: 'Korea country group' }
} as const;
