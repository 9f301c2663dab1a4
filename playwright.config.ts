/**
 * Browser tests against the built server (build/index.js), as people use it: a fresh SQLite
 * database with the demo data, no SMTP server (e-mail stays in the outbox, where the tests read it),
 * Debian's Chromium (Playwright's download needs the internet; `node scripts/ensure-chromium.js`
 * installs the package when it is missing).
 *
 * Run: `npm run -s build && npx playwright test`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** 4173 (Vite's preview port) is free on a developer machine while `npm run dev` uses 5173. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;

// Playwright loads this file in the runner and again in every worker: the runner creates the
// directory once and the workers inherit its path through the environment.
if (!process.env.DARI_E2E_DIR) {
	process.env.DARI_E2E_DIR = mkdtempSync(join(tmpdir(), 'dari-e2e-'));
	mkdirSync(join(process.env.DARI_E2E_DIR, 'data'));
	mkdirSync(join(process.env.DARI_E2E_DIR, 'auth'));
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
	retries: 0,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	globalTeardown: './tests/e2e/global-teardown.ts',
	use: {
		baseURL: ORIGIN,
		browserName: 'chromium',
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		// Same Accept-Language for everyone: pages without a language in the URL then answer in French.
		locale: 'fr-FR',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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
		command: 'node build/index.js',
		url: `${ORIGIN}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			DATA_DIR: process.env.DARI_E2E_DATA_DIR,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			DEMO_DATA: 'on',
			LOG_LEVEL: 'warn',
			// Empty values count as unset (config.ts): no SMTP server, so e-mail stays in the outbox,
			// and the embedded SQLite database even when the shell exports DATABASE_URL.
			SMTP_URL: '',
			DATABASE_URL: '',
			DARI_SECRET: ''
		}
	}
});
