#!/usr/bin/env node
// `npm test`: every test Dari has, in order: a production build; the unit, service, repository
// and server suites (vitest; on PostgreSQL too when TEST_DATABASE_URL is set); then the browser
// suite (Playwright with Debian's Chromium) against that build.
import { spawnSync } from 'node:child_process';

function run(label, command, args) {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`\n✗ ${label} failed`);
		process.exit(result.status ?? 1);
	}
}

if (!process.env.TEST_DATABASE_URL) {
	console.log('TEST_DATABASE_URL is not set: the database suites run on SQLite only.');
}
run('Compiling messages', 'npm', ['run', '-s', 'i18n']);
run('Syncing SvelteKit types', 'npx', ['svelte-kit', 'sync']);
// Built first: the integration suite (tests/integration) starts the real server from build/.
run('Building Dari', 'npm', ['run', '-s', 'build']);
// Before vitest: its PDF tests need pdftoppm, which comes with the browser's packages.
run('Finding Chromium and pdftoppm', process.execPath, ['scripts/ensure-chromium.js']);
run('Unit, service, repository and server tests (vitest)', 'npx', ['vitest', 'run']);
run('Browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test']);
console.log('\n✓ all tests passed');
