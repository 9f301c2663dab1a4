/**
 * The built server, as `npm start` runs it: real processes, real HTTP, real databases. On
 * PostgreSQL two processes share one database (sessions, links, rate limits); on SQLite one process
 * serves its embedded file. Needs `npm run build` first (npm test does it).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../setup/global-database';
import { cookieOf, DEMO_PASSWORD, postForm, requireBuild, startServer, type RunningServer } from '../setup/built-server';

requireBuild();

async function signIn(origin: string, email: string): Promise<string> {
	const response = await postForm(origin, '/fr/sign-in?/password', { email, password: DEMO_PASSWORD, redirectTo: '' });
	expect(response.status).toBe(303);
	const cookie = cookieOf(response, 'dari_session');
	expect(cookie).toBeDefined();
	return cookie!.split(';')[0];
}

const setups: { name: string; prepare: () => Promise<{ environment: Record<string, string>; processes: number; readOutbox: (to: string) => Promise<string>; cleanup: () => Promise<void> }> }[] = [
	{
		name: 'SQLite, one process',
		prepare: async () => {
			const dataDirectory = mkdtempSync(join(tmpdir(), 'dari-server-'));
			return {
				environment: { DATA_DIR: dataDirectory },
				processes: 1,
				readOutbox: async (to) => {
					const database = new SQLite(join(dataDirectory, 'dari.sqlite'), { readonly: true });
					try {
						const row = database.prepare('select text_body from outbox where to_address = ? order by created_at desc limit 1').get(to) as { text_body: string };
						return row.text_body;
					} finally {
						database.close();
					}
				},
				cleanup: async () => rmSync(dataDirectory, { recursive: true, force: true })
			};
		}
	}
];

if (process.env.TEST_DATABASE_URL) {
	setups.push({
		name: 'PostgreSQL, two processes sharing one database',
		prepare: async () => {
			const url = process.env.TEST_DATABASE_URL!;
			const name = `dari_server_${randomBytes(5).toString('hex')}`;
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query(`CREATE DATABASE ${name}`);
			const dataDirectory = mkdtempSync(join(tmpdir(), 'dari-server-'));
			const databaseUrl = withDatabase(url, name);
			return {
				environment: { DATA_DIR: dataDirectory, DATABASE_URL: databaseUrl },
				processes: 2,
				readOutbox: async (to) => {
					const client = new pg.Client({ connectionString: databaseUrl });
					await client.connect();
					try {
						const result = await client.query('select text_body from outbox where to_address = $1 order by created_at desc limit 1', [to]);
						return result.rows[0].text_body as string;
					} finally {
						await client.end();
					}
				},
				cleanup: async () => {
					await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
					await admin.end();
					rmSync(dataDirectory, { recursive: true, force: true });
				}
			};
		}
	});
}

for (const setup of setups) {
	describe(`the built server: ${setup.name}`, () => {
		let servers: RunningServer[] = [];
		let prepared: Awaited<ReturnType<(typeof setups)[number]['prepare']>>;
		// The second process, when there is one, else the first.
		const other = () => servers[servers.length - 1];

		beforeAll(async () => {
			prepared = await setup.prepare();
			// Started together, on purpose: migrations and demo data must survive concurrent starts.
			servers = await Promise.all(Array.from({ length: prepared.processes }, () => startServer(prepared.environment)));
		}, 120_000);
		afterAll(async () => {
			for (const server of servers) server.process.kill('SIGKILL');
			await prepared?.cleanup();
		});

		it('prints where it is and how to sign in as each demo role', () => {
			const output = servers.map((server) => server.output()).join('\n');
			for (const email of ['admin@demo.dari.test', 'coordinator@demo.dari.test', 'member@demo.dari.test', 'partner@demo.dari.test']) {
				expect(output).toContain(email);
			}
			expect(output).toContain(servers[0].origin);
			expect(output.match(/demo data: loaded/g)).toHaveLength(1);
		});

		it('answers in the language of the URL, with security headers', async () => {
			for (const [path, lang] of [['/', 'fr'], ['/ko', 'ko'], ['/en', 'en']]) {
				const response = await fetch(`${servers[0].origin}${path}`);
				expect(await response.text()).toContain(`<html lang="${lang}"`);
			}
			const response = await fetch(`${servers[0].origin}/`, { headers: { 'accept-language': 'ko-KR,ko;q=0.9' } });
			expect(await response.text()).toContain('<html lang="ko"');
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toMatch(/script-src 'self' 'nonce-/);
			expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			// Plain HTTP: no HSTS (it would lock a laptop's localhost into HTTPS).
			expect(response.headers.get('strict-transport-security')).toBeNull();
		});

		it('shares sessions between processes; the cookie is HttpOnly and SameSite=Lax', async () => {
			const response = await postForm(servers[0].origin, '/fr/sign-in?/password', { email: 'admin@demo.dari.test', password: DEMO_PASSWORD, redirectTo: '' });
			const cookie = cookieOf(response, 'dari_session')!;
			expect(cookie).toMatch(/HttpOnly/i);
			expect(cookie).toMatch(/SameSite=Lax/i);
			expect(cookie).not.toMatch(/Secure/i);
			const page = await fetch(`${other().origin}/fr/admin`, { headers: { cookie: cookie.split(';')[0] } });
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('member@demo.dari.test');
		});

		it('signs in with a magic link asked on one process and used on the other, once', async () => {
			const asked = await postForm(servers[0].origin, '/ko/sign-in?/link', { email: 'coordinator@demo.dari.test', redirectTo: '' });
			expect(asked.status).toBe(303);
			expect(asked.headers.get('location')).toContain('/ko/sign-in/check-email');
			const link = /https?:\/\/\S+token=([\w-]+)/.exec(await prepared.readOutbox('coordinator@demo.dari.test'))!;
			const used = await postForm(other().origin, '/ko/auth/link', { token: link[1] });
			expect(used.status).toBe(303);
			const session = cookieOf(used, 'dari_session')!.split(';')[0];
			const account = await fetch(`${servers[0].origin}/ko/account`, { headers: { cookie: session } });
			expect(await account.text()).toContain('coordinator@demo.dari.test');
			const again = await postForm(servers[0].origin, '/ko/auth/link', { token: link[1] });
			expect(again.status).toBe(400);
		});

		it('counts sign-in attempts across processes', async () => {
			const statuses = [];
			for (let attempt = 0; attempt < 6; attempt++) {
				const server = servers[attempt % servers.length];
				statuses.push((await postForm(server.origin, '/fr/sign-in?/link', { email: 'flood@example.org', redirectTo: '' })).status);
			}
			expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
		});

		it('refuses cross-site form posts, and gives 403 and 404 pages in the right language', async () => {
			const cross = await postForm(servers[0].origin, '/fr/sign-in?/link', { email: 'a@example.org' }, '', 'http://evil.example');
			expect(cross.status).toBe(403);
			const member = await signIn(servers[0].origin, 'member@demo.dari.test');
			const forbidden = await fetch(`${other().origin}/ko/admin`, { headers: { cookie: member } });
			expect(forbidden.status).toBe(403);
			expect(await forbidden.text()).toContain('접근 거부');
			const japan = await fetch(`${other().origin}/en/groups/japon`, { headers: { cookie: member } });
			expect(japan.status).toBe(403);
			const missing = await fetch(`${servers[0].origin}/en/groups/nowhere`, { headers: { cookie: member } });
			expect(missing.status).toBe(404);
			expect(await missing.text()).toContain('Page not found');
			const anonymous = await fetch(`${servers[0].origin}/fr/admin`, { redirect: 'manual' });
			expect(anonymous.status).toBe(303);
			expect(anonymous.headers.get('location')).toBe('/fr/sign-in?redirectTo=%2Ffr%2Fadmin');
		});

		it('stops cleanly on SIGTERM while the other process goes on serving', async () => {
			const last = servers[servers.length - 1];
			last.process.kill('SIGTERM');
			expect(await last.exited).toBe(0);
			if (servers.length > 1) expect((await fetch(`${servers[0].origin}/healthz`)).status).toBe(200);
		});
	});
}

describe('the built server refuses to start on a bad database, in one clear line', () => {
	it('says the SQLite file is not a database', async () => {
		const dataDirectory = mkdtempSync(join(tmpdir(), 'dari-corrupt-'));
		writeFileSync(join(dataDirectory, 'dari.sqlite'), randomBytes(8192));
		await expect(startServer({ DATA_DIR: dataDirectory })).rejects.toThrow(/Dari cannot start\. Cannot open the SQLite database .*: file is not a database/);
		rmSync(dataDirectory, { recursive: true, force: true });
	});

	it('says the PostgreSQL server cannot be reached, without a stack trace', async () => {
		const error = await startServer({ DATABASE_URL: 'postgres://dari:secret@127.0.0.1:1/dari' }).catch((caught: Error) => caught);
		expect(String(error)).toMatch(/Dari cannot start\. Cannot use the database at postgres:\/\/dari:\*\*\*@127\.0\.0\.1:1\/dari: connect ECONNREFUSED/);
		expect(String(error)).not.toMatch(/\n\s+at /);
	});
});
