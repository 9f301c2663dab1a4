/**
 * `dari holidays`, run as the operator runs it (a child process through the real `dari` entry:
 * exit status, standard output holding only the result), and its table read in-process.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { printHolidays } from './holidays';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD_PROCESS_TIMEOUT = 120_000;

interface Outcome {
	code: number | null;
	stdout: string;
	stderr: string;
}

const execute = promisify(execFile);

async function dari(args: string[]): Promise<Outcome> {
	// No database is read: DATA_DIR points nowhere useful on purpose.
	const options = { cwd: ROOT, env: { ...process.env, DATA_DIR: '/nonexistent/dari-holidays', DATABASE_URL: '', DARI_DEBUG: '' } };
	try {
		return { code: 0, ...(await execute(process.execPath, ['--import', 'tsx', 'src/cli/dari.ts', ...args], options)) };
	} catch (error) {
		// execFile rejects on a non-zero exit status, with the status and both outputs.
		const { code, stdout, stderr } = error as Outcome;
		return { code, stdout, stderr };
	}
}

async function table(args: string[]): Promise<string[]> {
	const lines: string[] = [];
	await printHolidays(args, { out: (line) => lines.push(line), warn: (line) => lines.push(`warn: ${line}`) });
	return lines;
}

describe.concurrent('dari holidays', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
	test('--json prints the Korean holidays of 2024, one entry per day, substitutes as their own entries', async () => {
		const outcome = await dari(['holidays', '2024', '--country', 'KR', '--json']);
		expect(outcome).toMatchObject({ code: 0, stderr: '' });
		const holidays = JSON.parse(outcome.stdout) as { date: string; name: { fr: string; ko: string; en: string }; kind: string; provisional: boolean }[];
		expect(holidays.filter((holiday) => holiday.date.startsWith('2024-02'))).toEqual([
			{ date: '2024-02-09', name: { fr: 'Veille de Seollal (Nouvel An lunaire)', ko: '설날 전날', en: 'Day before Seollal (Lunar New Year)' }, kind: 'public', provisional: false },
			{ date: '2024-02-10', name: { fr: 'Seollal (Nouvel An lunaire)', ko: '설날', en: 'Seollal (Lunar New Year)' }, kind: 'public', provisional: false },
			{ date: '2024-02-11', name: { fr: 'Lendemain de Seollal (Nouvel An lunaire)', ko: '설날 다음 날', en: 'Day after Seollal (Lunar New Year)' }, kind: 'public', provisional: false },
			{ date: '2024-02-12', name: { fr: 'Jour férié de remplacement (Seollal)', ko: '대체공휴일(설날)', en: 'Substitute holiday (Seollal)' }, kind: 'substitute', provisional: false }
		]);
		expect(holidays.filter((holiday) => holiday.name.ko.startsWith('추석')).map((holiday) => holiday.date)).toEqual(['2024-09-16', '2024-09-17', '2024-09-18']);
		expect(holidays.find((holiday) => holiday.date === '2024-04-10')?.kind).toBe('election');
		expect(new Set(holidays.map((holiday) => holiday.date)).size).toBe(holidays.length);
	});

	test('France with --alsace-moselle adds the two regional days; the country may be written in lower case', async () => {
		const outcome = await dari(['holidays', '2025', '--country', 'fr', '--alsace-moselle', '--json']);
		expect(outcome).toMatchObject({ code: 0, stderr: '' });
		const holidays = JSON.parse(outcome.stdout) as { date: string; kind: string }[];
		expect(holidays).toHaveLength(13);
		expect(holidays.filter((holiday) => holiday.kind === 'regional').map((holiday) => holiday.date)).toEqual(['2025-04-18', '2025-12-26']);
	});

	test('bad arguments are one line on standard error and exit status 2, with nothing on standard output', async () => {
		const outcomes = await Promise.all([
			dari(['holidays', '2024']),
			dari(['holidays', '2024', '--country', 'JP']),
			dari(['holidays', 'next-year', '--country', 'FR']),
			dari(['holidays', '2060', '--country', 'KR']),
			dari(['holidays', '2024', '--country', 'KR', '--alsace-moselle']),
			dari(['holidays', '--country', 'KR'])
		]);
		expect(outcomes.map((outcome) => [outcome.code, outcome.stdout, outcome.stderr.split('\n')[0]])).toEqual([
			[2, '', 'dari holidays: missing --country KR|FR'],
			[2, '', 'dari holidays: unknown country "JP": KR or FR'],
			[2, '', 'dari holidays: the year must be written with four digits, not "next-year"'],
			[2, '', 'dari holidays: no holiday list for KR in 2060: only 2018 to 2050'],
			[2, '', 'dari holidays: --alsace-moselle is for France (--country FR) only'],
			[2, '', 'dari holidays: missing <year>']
		]);
		for (const outcome of outcomes) expect(outcome.stderr).toMatch(/holidays --help/);
	});

	test('without --json, a table: one line per day with its weekday, kind and three names; provisional days marked *', async () => {
		const official = await table(['2024', '--country', 'KR']);
		expect(official[0]).toBe('Korea, 2024: 19 days, the official gazette list (월력요항)');
		expect(official).toContain('2024-02-12 Mon  substitute    대체공휴일(설날) · Jour férié de remplacement (Seollal) · Substitute holiday (Seollal)');
		expect(official).toHaveLength(20);

		const computed = await table(['2030', '--country', 'KR']);
		expect(computed[0]).toMatch(/^Korea, 2030: 19 days, computed: .*provisional \(\*\)/);
		expect(computed).toContain('2030-02-05 Tue  substitute  * 대체공휴일(설날) · Jour férié de remplacement (Seollal) · Substitute holiday (Seollal)');
		expect(computed).toContain('2030-03-01 Fri  public        3ㆍ1절 · Fête du mouvement d’indépendance du 1er mars · Independence Movement Day');

		expect((await table(['2024', '--country', 'FR']))[0]).toMatch(/^France, 2024: 11 days/);
	});

	test('--help describes the command, and the list of commands has it', async () => {
		const [outcome, list] = await Promise.all([dari(['holidays', '--help']), dari(['--help'])]);
		expect(list.stdout).toMatch(/^ {2}holidays <year> --country KR\|FR .* {3}print a country's public holidays of a year/m);
		expect(outcome.code).toBe(0);
		expect(outcome.stdout).toMatch(/^Usage: npm run -s dari -- holidays <year> --country KR\|FR \[--alsace-moselle\] \[--json\]$/m);
	});
});
