#!/usr/bin/env node
// `npm test`: every test Dari has, in order: unit, service and repository suites (vitest; on
// PostgreSQL too when TEST_DATABASE_URL is set), then the browser suite (Playwright with Debian's
// Chromium) against a fresh production build.
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
run('Unit, service and repository tests (vitest)', 'npx', ['vitest', 'run']);
run('Finding Chromium', process.execPath, ['scripts/ensure-chromium.js']);
run('Building Dari', 'npm', ['run', '-s', 'build']);
run('Browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test']);
console.log('\n✓ all tests passed');
