/**
 * `dari export-minutes`, run as the operator runs it (see dari.test.ts): a child process on a
 * SQLite database holding the demo data, files written where --out says.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../lib/server/db/connection';
import { loadDemoData } from '../lib/server/db/demo-data/demo-data';
import { DEMO_MEETING_ID } from '../lib/server/db/demo-data/meetings.demo';
import { migrateToLatest } from '../lib/server/db/migrations/index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD_PROCESS_TIMEOUT = 120_000;

interface Outcome {
	code: number | null;
	stdout: string;
	stderr: string;
}

let dataDirectory: string;

function dari(args: string[]): Promise<Outcome> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/dari.ts', ...args], {
			cwd: ROOT,
			env: { ...process.env, DATA_DIR: dataDirectory, DATABASE_URL: '', SMTP_URL: '', DARI_SECRET: '', DARI_DEBUG: '', INIT_CWD: dataDirectory },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

beforeAll(async () => {
	dataDirectory = mkdtempSync(join(tmpdir(), 'dari-export-'));
	const handle = await openDatabase(join(dataDirectory, 'dari.sqlite'));
	await migrateToLatest(handle.db);
	await loadDemoData({ db: handle.db, secret: 'test-secret-test-secret-test-secret-0123456789', clock: () => new Date('2026-11-28T09:00:00.000Z') });
	await handle.close();
});
afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

describe.concurrent('dari export-minutes', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
	test('writes the demo minutes as Word, Markdown and PDF (a relative --out is beside the caller)', async () => {
		const [docx, markdown, pdf] = await Promise.all([
			dari(['export-minutes', DEMO_MEETING_ID, '--format', 'docx', '--out', 'minutes.docx']),
			dari(['export-minutes', DEMO_MEETING_ID, '--format', 'md', '--lang', 'both', '--all-participants', '--out', join(dataDirectory, 'minutes.md')]),
			dari(['export-minutes', DEMO_MEETING_ID, '--format', 'pdf', '--lang', 'ko', '--out', join(dataDirectory, 'minutes.pdf')])
		]);
		for (const outcome of [docx, markdown, pdf]) {
			expect(outcome.stderr).toBe('');
			expect(outcome.code).toBe(0);
		}
		expect(docx.stdout).toMatch(/^Wrote .*minutes\.docx \(\d+ bytes\): Réunion du groupe-pays Corée, 2024-02-27, docx, fr\.\n$/);
		const text = (await mammoth.extractRawText({ path: join(dataDirectory, 'minutes.docx') })).value;
		expect(text).toContain('Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence');
		const written = readFileSync(join(dataDirectory, 'minutes.md'), 'utf8');
		expect(written).toContain('## Compte-rendu');
		expect(written).toContain('## 회의록');
		// --all-participants: the fifteen people of the reference, whatever their consent.
		expect(written.match(/^\| [^|]+ \| [^|]+ \| [A-Z' ]+ \|$/gm)).toHaveLength(15);
		expect(readFileSync(join(dataDirectory, 'minutes.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	test('a wrong command line exits 2, an unknown meeting 1, each with one line', async () => {
		const [noFormat, badFormat, badLanguage, noOut, unknown] = await Promise.all([
			dari(['export-minutes', DEMO_MEETING_ID, '--out', 'x.md']),
			dari(['export-minutes', DEMO_MEETING_ID, '--format', 'odt', '--out', 'x.odt']),
			dari(['export-minutes', DEMO_MEETING_ID, '--format', 'md', '--lang', 'en', '--out', 'x.md']),
			dari(['export-minutes', DEMO_MEETING_ID, '--format', 'md']),
			dari(['export-minutes', 'no-such-meeting', '--format', 'md', '--out', join(dataDirectory, 'none.md')])
		]);
		expect(noFormat.code).toBe(2);
		expect(noFormat.stderr).toMatch(/^dari export-minutes: missing --format docx\|pdf\|md\n/);
		expect(badFormat.code).toBe(2);
		expect(badFormat.stderr).toMatch(/unknown format "odt"/);
		expect(badLanguage.code).toBe(2);
		expect(badLanguage.stderr).toMatch(/unknown language "en"/);
		expect(noOut.code).toBe(2);
		expect(noOut.stderr).toMatch(/missing --out <file>/);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toMatch(/^dari export-minutes: no meeting "no-such-meeting"/);
		expect(unknown.stderr).not.toMatch(/^\s+at /m);
		expect(existsSync(join(dataDirectory, 'none.md'))).toBe(false);
	});
});
