/**
 * Crash (issue 7 §3): the built server is killed with SIGKILL in the middle of a stream of writes
 * (a coordinator scheduling meetings through the form, several at once). Restarted on the same data
 * with no manual step, it serves again, every write that was acknowledged (303 received) is there
 * exactly once, and SQLite's integrity check says `ok`. A write whose answer never arrived may or may
 * not be there (it may have committed just before the kill): never half of it.
 */
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postForm, prepareServerData, requireBuild, SERVER_DIALECTS, signIn, startServer, type RunningServer, type ServerData } from '../setup/built-server';

requireBuild();

const WRITERS = 4;
/** Acknowledged writes before the kill: the other writers have requests in flight at that moment. */
const KILL_AFTER = 24;

/** The meetings of this run as stored, read behind the server's back. */
async function storedTitles(data: ServerData, prefix: string): Promise<{ titles: string[]; integrity: string }> {
	const query = `select title_fr from meeting where title_fr like '${prefix}%'`;
	if (data.dialect === 'sqlite') {
		const database = new SQLite(data.sqliteFile, { readonly: true });
		try {
			const integrity = (database.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('\n');
			// No row left pointing at a missing one either (half of a write would show here).
			const dangling = database.pragma('foreign_key_check') as unknown[];
			if (dangling.length > 0) return { titles: [], integrity: `foreign keys: ${JSON.stringify(dangling.slice(0, 5))}` };
			return { titles: (database.prepare(query).all() as { title_fr: string }[]).map((row) => row.title_fr), integrity };
		} finally {
			database.close();
		}
	}
	const client = new pg.Client({ connectionString: data.databaseUrl });
	await client.connect();
	try {
		const result = await client.query(query);
		return { titles: result.rows.map((row) => row.title_fr as string), integrity: 'ok' };
	} finally {
		await client.end();
	}
}

for (const dialect of SERVER_DIALECTS) {
	describe(`the built server killed during writes [${dialect}]`, () => {
		let data: ServerData | undefined;
		const servers: RunningServer[] = [];
		afterAll(async () => {
			for (const server of servers) server.process.kill('SIGKILL');
			await Promise.all(servers.map((server) => server.exited));
			await data?.cleanup();
		});

		it('keeps every acknowledged write, stays consistent and serves again after a restart', async () => {
			data = await prepareServerData(dialect);
			const first = await startServer(data.environment);
			servers.push(first);
			const session = await signIn(first.origin, 'coordinator@demo.dari.test');
			const prefix = `crash-${randomBytes(4).toString('hex')}-`;

			// A stream of writes from several writers; the kill comes while some are in flight.
			const acknowledged = new Map<string, string>();
			let sent = 0;
			let killed = false;
			const writer = async () => {
				for (;;) {
					const title = `${prefix}${sent++}`;
					let response: Response;
					try {
						response = await postForm(first.origin, '/fr/groups/coree/meetings/new', {
							titleFr: title,
							date: '2027-03-15',
							startTime: '09:00',
							endTime: '10:30',
							timezone: 'Europe/Paris',
							format: 'video',
							videoLink: 'https://meet.example.org/crash'
						}, session);
					} catch {
						return; // the connection died with the process: this write was never acknowledged
					}
					expect(response.status).toBe(303);
					acknowledged.set(title, response.headers.get('location')!);
					if (acknowledged.size >= KILL_AFTER && !killed) {
						killed = true;
						first.process.kill('SIGKILL');
					}
				}
			};
			await Promise.all(Array.from({ length: WRITERS }, writer));
			expect(await first.exited).toBeNull(); // killed by the signal, not an orderly exit
			expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

			// Restarted on the same data, as an operator's supervisor would: no repair step.
			const second = await startServer(data.environment);
			servers.push(second);
			expect((await fetch(`${second.origin}/healthz`)).status).toBe(200);
			// The session written before the crash still holds; an acknowledged meeting's page shows it.
			const [title, location] = [...acknowledged][acknowledged.size - 1];
			const page = await fetch(`${second.origin}${location}`, { headers: { cookie: session } });
			expect(page.status).toBe(200);
			expect(await page.text()).toContain(title);

			const { titles: stored, integrity } = await storedTitles(data, prefix);
			expect(integrity).toBe('ok');
			for (const written of acknowledged.keys()) expect(stored).toContain(written);
			// Each write at most once, and only writes that were sent.
			expect(new Set(stored).size).toBe(stored.length);
			expect(stored.length).toBeLessThanOrEqual(sent);

			// And it takes writes again.
			const after = await postForm(second.origin, '/fr/groups/coree/meetings/new', {
				titleFr: `${prefix}after`,
				date: '2027-03-16',
				startTime: '09:00',
				endTime: '10:00',
				timezone: 'Europe/Paris',
				format: 'video',
				videoLink: 'https://meet.example.org/after'
			}, session);
			expect(after.status).toBe(303);
		}, 60_000);
	});
}
