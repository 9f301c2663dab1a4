/**
 * Browser tests against the built server (scripts/serve.js, what `npm start` runs), as people use it: a fresh SQLite
 * database with the demo data, no SMTP server (e-mail stays in the outbox, where the tests read it),
 * Debian's Chromium (Playwright's download needs the internet; `node scripts/ensure-chromium.js`
 * installs the package when it is missing).
 *
 * Run: `npm run -s build && npx playwright test`.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** 4173 (Vite's preview port) is free on a developer machine while `npm run dev` uses 5173. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Playwright loads this file in the runner and again in every worker: the runner checks what the
// run needs and creates the directory once; the workers inherit its path through the environment.
if (!process.env.DARI_E2E_DIR) {
	if (!existsSync('build/handler.js')) throw new Error('No build/handler.js: run `npm run -s build` before the browser tests.');
	try {
		accessSync(CHROMIUM, constants.X_OK);
	} catch {
		throw new Error(`Chromium not found at ${CHROMIUM}: run \`node scripts/ensure-chromium.js\` (as root it installs Debian's chromium) or set CHROMIUM_PATH.`);
	}
	// Only named here: the server creates its DATA_DIR, storageState() the auth folder, so listing
	// the tests (--list) leaves nothing behind. global-teardown.ts removes it after a run.
	process.env.DARI_E2E_DIR = join(tmpdir(), `dari-e2e-${process.pid}-${randomBytes(4).toString('hex')}`);
}
/** The server's DATA_DIR; tests open `dari.sqlite` in it read-only to read the outbox. */
process.env.DARI_E2E_DATA_DIR = join(process.env.DARI_E2E_DIR, 'data');
process.env.DARI_E2E_ORIGIN = ORIGIN;

export default defineConfig({
	testDir: 'tests/e2e',
	// The tests share one server and one database: each test uses its own accounts or addresses, so
	// two workers (this machine has two cores) can run side by side.
	workers: 2,
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	// A retry in CI records a trace of the failure; locally, rerun a failing test with --trace on.
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	globalTeardown: './tests/e2e/global-teardown.ts',
	use: {
		baseURL: ORIGIN,
		browserName: 'chromium',
		viewport: { width: 1280, height: 800 },
		// Recording a trace for every test made the run about half again as long on this machine.
		trace: 'on-first-retry',
		screenshot: 'only-on-failure',
		// Same Accept-Language for everyone: pages without a language in the URL then answer in French.
		locale: 'fr-FR',
		launchOptions: {
			executablePath: CHROMIUM,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		// Signs the demo accounts in once, by password, and keeps their cookies: signing in for every
		// test would run into the per-IP password limit (30 per 15 minutes, rate-limit.ts).
		{ name: 'setup', testMatch: /auth\.setup\.ts/ },
		{ name: 'chromium', testIgnore: /auth\.setup\.ts/, dependencies: ['setup'] }
	],
	webServer: {
		command: 'node scripts/serve.js',
		url: `${ORIGIN}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			DATA_DIR: process.env.DARI_E2E_DATA_DIR,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			// No ORIGIN: the server must work on plain http as `npm start` does on a laptop.
			ORIGIN: '',
			DEMO_DATA: 'on',
			// Empty values count as unset (config.ts): no SMTP server, so e-mail stays in the outbox,
			// and the embedded SQLite database even when the shell exports DATABASE_URL.
			SMTP_URL: '',
			DATABASE_URL: '',
			DARI_SECRET: ''
		}
	}
});
