/**
 * Directory search at platform scale (issue 3 "Tests and benchmark"): 10,000 organisations,
 * 50,000 people, 20,000 partnerships and 2,000 good practices in one group, on SQLite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) on
 * PostgreSQL. For each query: the time of searchDirectory (the service the page calls) against the
 * time of the bare SQL it issues, compiled by the same repository code and sent straight to the
 * driver, in the same run. Target: p95 under 20 ms.
 *
 * Run: npm run bench:search   (prints a table; it is not a test and asserts nothing)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connection';
import { migrateToLatest } from '../src/lib/server/db/migrations/index';
import * as repository from '../src/lib/server/directory/directory.repository';
import * as searchRepository from '../src/lib/server/directory/search.repository';
import { normalizeName } from '../src/lib/server/directory/name-normalization';
import { searchDirectory } from '../src/lib/server/directory/search.service';
import { isInitialConsonantQuery, searchKeys } from '../src/lib/server/directory/search-keys';
import { PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../src/lib/server/partnerships/partnership.table';
import type { Actor } from '../src/lib/server/auth/policy';
import { systemClock } from '../src/lib/server/shared/clock';

const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 10_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 20_000);
const PRACTICES = Number(process.env.BENCH_PRACTICES ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** A deterministic generator, so every run searches the same directory. */
function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}
const random = generator(20261128);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

const FRENCH_PREFIXES = ['Saint-', 'Sainte-', 'Le ', 'La ', 'Les ', 'Villeneuve-', 'Mont', 'Château', 'Bourg', 'Fontaine', 'Bois-', 'Val-'];
const FRENCH_STEMS = ['Martin', 'Étienne', 'Rhône', 'Loire', 'Marne', 'Seine', 'Garonne', 'Moulineaux', 'Issy', 'Suippes', 'Dijon', 'Nantes', 'Chaumont', 'Béziers', 'Colmar', 'Annecy', 'Quimper', 'Vannes'];
const FRENCH_SUFFIXES = ['', '-sur-Mer', '-les-Bains', '-en-Bresse', '-le-Vieux', ' Métropole', ' Agglomération', '-de-Provence'];
const KOREAN_STEMS = ['구로', '서초', '양천', '수원', '순천', '양구', '양평', '나주', '파주', '강릉', '춘천', '전주', '경주', '안동', '제주', '부산', '대구', '광주'];
const KOREAN_SUFFIXES = ['구', '시', '군'];
const GIVEN = ['Caroline', 'Virginie', 'Louise', 'Bertrand', 'Ulrike', 'Samira', 'François', 'Éric', 'Hélène', 'Jérôme', 'Joon Ho', 'Hyoung Jin', 'Jiae', 'Min-jun', 'Seo-yeon'];
const FAMILY = ['MILLAN', 'ROUQUETTE', 'COULON', 'FORT', 'MARONNIE', 'SEDDIKI', 'COLLART', 'LEGALE', 'KIM', 'LEE', 'PARK', 'HONG', 'YANG', 'CHOI', 'JUNG', 'DUPONT', 'LEFÈVRE', 'GARNIER'];

const QUERIES = ['saint martin', 'issy', 'moulineaux', 'rhone', 'ste', 'metropole', 'millan', 'kim hyoung', 'park', 'lefevre', '구로', '서초구', 'ㄱㄹ', 'ㅅㅊ', '양평', 'zzzz', 'a', 'val de', 'colmar sur mer', 'dupont caroline', 'compostage', 'campus numerique'];

function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function fill(handle: DatabaseHandle): Promise<{ groupId: string }> {
	await migrateToLatest(handle.db);
	const groupId = '00000000-0000-4000-8000-00000000b001';
	const now = new Date().toISOString();
	await repository.insertGroup(handle.db, {
		id: groupId, slug: 'bench', country_code: 'KR', name_fr: 'Bench', name_ko: '벤치', name_en: 'Bench',
		description_fr: '', description_ko: '', description_en: '', created_at: now, president_person_id: null
	});
	const organisationIds: string[] = [];
	const chunk = 500;
	for (let start = 0; start < ORGANISATIONS; start += chunk) {
		const rows = [];
		for (let index = start; index < Math.min(ORGANISATIONS, start + chunk); index++) {
			const korean = random() < 0.3;
			const nameKo = korean ? `${pick(KOREAN_STEMS)}${pick(KOREAN_SUFFIXES)} ${index}` : null;
			const nameFr = korean ? `Collectivité coréenne ${index}` : `${pick(FRENCH_PREFIXES)}${pick(FRENCH_STEMS)}${pick(FRENCH_SUFFIXES)} ${index}`;
			const id = `00000000-0000-4000-8001-${index.toString(16).padStart(12, '0')}`;
			organisationIds.push(id);
			const row = {
				id, kind: korean ? 'si' : 'commune', country_code: korean ? 'KR' : 'FR', name_fr: nameFr, name_ko: nameKo, name_en: null,
				website: null, created_at: now, official_code_scheme: null, official_code: null, normalized_name: normalizeName(nameFr),
				departement_code: null, region_code: null, region_name: null, population: null, address: null, latitude: null, longitude: null
			};
			rows.push({ ...row, ...repository.organisationSearchKeys(row) });
		}
		await handle.db.insertInto('organisation').values(rows).execute();
		await handle.db
			.insertInto('group_membership')
			.values(rows.map((row) => ({ id: row.id.replace('8001', '8002'), group_id: groupId, organisation_id: row.id, capacity: 'member' as const, since: null, status: 'active' as const })))
			.execute();
	}
	for (let start = 0; start < PEOPLE; start += chunk) {
		const rows = [];
		for (let index = start; index < Math.min(PEOPLE, start + chunk); index++) {
			const row = {
				id: `00000000-0000-4000-8003-${index.toString(16).padStart(12, '0')}`,
				given_name: pick(GIVEN), family_name: pick(FAMILY), name_order: 'given-first' as const, email: null, phone: null,
				organisation_id: pick(organisationIds), preferred_language: 'fr' as const, public_listing_consent: 0, created_at: now
			};
			rows.push({ ...row, ...repository.personSearchKeys(row) });
		}
		await handle.db.insertInto('person').values(rows).execute();
	}
	const koreanIds = organisationIds.filter((_, index) => index % 10 < 3);
	const frenchIds = organisationIds.filter((_, index) => index % 10 >= 3);
	const nameOf = new Map<string, string[]>();
	for (const row of await handle.db.selectFrom('organisation').select(['id', 'name_fr', 'name_ko']).execute()) nameOf.set(row.id, [row.name_fr, row.name_ko ?? '']);
	for (let start = 0; start < PARTNERSHIPS; start += chunk) {
		const rows = [];
		for (let index = start; index < Math.min(PARTNERSHIPS, start + chunk); index++) {
			const french = pick(frenchIds);
			const foreign = random() < 0.05 ? null : pick(koreanIds);
			const region = foreign ? null : `${pick(KOREAN_STEMS)}도`;
			const keys = searchKeys([...(nameOf.get(french) ?? []), ...(foreign ? (nameOf.get(foreign) ?? []) : []), region]);
			rows.push({
				id: `00000000-0000-4000-8004-${index.toString(16).padStart(12, '0')}`, group_id: groupId, french_organisation_id: french,
				foreign_organisation_id: foreign, foreign_country_code: 'KR', foreign_region: region, kind: pick(PARTNERSHIP_KINDS), status: pick(PARTNERSHIP_STATUSES),
				description_fr: '', description_ko: '', sources: '', verified: 1, created_at: now, updated_at: now, search_text: keys.text, search_initials: keys.initials
			});
		}
		await handle.db.insertInto('partnership').values(rows).execute();
	}
	for (let start = 0; start < PRACTICES; start += chunk) {
		const rows = [];
		for (let index = start; index < Math.min(PRACTICES, start + chunk); index++) {
			const title = `${pick(['Écoquartier', 'Campus numérique', 'Compostage', 'Centre de supervision', 'Mobilité douce'])} de ${pick(FRENCH_STEMS)} ${index}`;
			const keys = searchKeys([title]);
			rows.push({
				id: `00000000-0000-4000-8005-${index.toString(16).padStart(12, '0')}`, group_id: groupId, country_code: random() < 0.3 ? 'KR' : 'FR',
				title_fr: title, title_ko: '', title_en: '', summary_fr: '', summary_ko: '', summary_en: '', created_at: now, updated_at: now,
				search_text: keys.text, search_initials: keys.initials
			});
		}
		await handle.db.insertInto('good_practice').values(rows).execute();
	}
	// Statistics as a database in service has them (autovacuum on PostgreSQL, `PRAGMA optimize`
	// on SQLite): without them PostgreSQL's planner guessed 36 memberships in a group of 10,000.
	await sql`analyze`.execute(handle.db);
	return { groupId };
}

/** The words and column searchDirectory derives from a query (the same rules, search.service.ts). */
function bareQueries(query: string) {
	const initials = isInitialConsonantQuery(query);
	const text = initials ? query.replace(/\s+/g, '') : normalizeName(query);
	const words = text.split(' ').filter(Boolean).slice(0, 5);
	const column: 'search_text' | 'search_initials' = initials ? 'search_initials' : 'search_text';
	return { words, column };
}

async function measure(label: string, handle: DatabaseHandle, rawRun: (sqlText: string, parameters: readonly unknown[]) => Promise<unknown>) {
	const { groupId } = await fill(handle);
	const context = { db: handle.db, secret: 'bench', clock: systemClock };
	const actor: Actor = { kind: 'user', userId: 'bench', isAdministrator: true, groupRoles: {} };
	const service: number[] = [];
	const bare: number[] = [];
	for (let round = 0; round <= ROUNDS; round++) {
		for (const query of QUERIES) {
			const started = performance.now();
			const result = await searchDirectory(context, actor, 'bench', query);
			const serviceTime = performance.now() - started;
			if (!result.ok) throw new Error(result.reason);
			const { words, column } = bareQueries(query);
			let bareTime = 0;
			if (words.length > 0 && !result.value.tooShort) {
				const compiled = compileAll(handle, groupId, column, words);
				const bareStarted = performance.now();
				await Promise.all(compiled.map((query) => rawRun(query.sql, query.parameters)));
				bareTime = performance.now() - bareStarted;
			}
			if (round > 0) {
				// Round 0 warms caches and JIT; it is not counted.
				if (process.env.BENCH_VERBOSE) console.log(`${label}\t${query}\t${serviceTime.toFixed(1)} ms\t${bareTime.toFixed(1)} ms`);
				service.push(serviceTime);
				bare.push(bareTime);
			}
		}
	}
	service.sort((a, b) => a - b);
	bare.sort((a, b) => a - b);
	return {
		label,
		servicePercentiles: [percentile(service, 0.5), percentile(service, 0.95)],
		barePercentiles: [percentile(bare, 0.5), percentile(bare, 0.95)]
	};
}

/** Compiles (does not run) the repository's queries, to send their SQL to the bare driver. */
function compileOrganisations(handle: DatabaseHandle, groupId: string, column: 'search_text' | 'search_initials', words: string[]) {
	return repository.searchGroupOrganisationsQuery(handle.db, groupId, column, words, 25).compile();
}
function compilePeople(handle: DatabaseHandle, groupId: string, column: 'search_text' | 'search_initials', words: string[]) {
	return repository.searchGroupPeopleQuery(handle.db, groupId, column, words, 25).compile();
}
/** The four queries searchDirectory sends, in the same order. */
function compileAll(handle: DatabaseHandle, groupId: string, column: 'search_text' | 'search_initials', words: string[]) {
	return [
		compileOrganisations(handle, groupId, column, words),
		compilePeople(handle, groupId, column, words),
		searchRepository.searchGroupPartnershipsQuery(handle.db, groupId, column, words, 25).compile(),
		searchRepository.searchGroupPracticesQuery(handle.db, groupId, column, words, 25).compile()
	];
}

const results = [];
const directory = mkdtempSync(join(tmpdir(), 'dari-bench-'));
try {
	const sqliteFile = join(directory, 'bench.sqlite');
	const sqliteHandle = await openDatabase(sqliteFile);
	const { default: SQLite } = await import('better-sqlite3');
	const raw = new SQLite(sqliteFile, { readonly: true });
	results.push(await measure('SQLite', sqliteHandle, async (sqlText, parameters) => raw.prepare(sqlText).all(...(parameters as unknown[]))));
	if (process.env.BENCH_EXPLAIN) {
		// The plans SQLite chose, to see where the time goes.
		for (const compiled of [compileOrganisations(sqliteHandle, '00000000-0000-4000-8000-00000000b001', 'search_text', ['millan']), compilePeople(sqliteHandle, '00000000-0000-4000-8000-00000000b001', 'search_text', ['millan'])]) {
			console.log(compiled.sql);
			console.table(raw.prepare(`explain query plan ${compiled.sql}`).all(...(compiled.parameters as unknown[])));
		}
	}
	raw.close();
	await sqliteHandle.close();

	const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (serverUrl) {
		const name = `dari_bench_${randomBytes(4).toString('hex')}`;
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		const handle = await openDatabase(url.toString());
		// Like Dari's pool (connection.ts): JIT off, and the four queries sent side by side.
		const client = new pg.Pool({ connectionString: url.toString(), options: '-c jit=off', max: 4 });
		try {
			results.push(await measure('PostgreSQL', handle, (sqlText, parameters) => client.query(sqlText, parameters as unknown[])));
			if (process.env.BENCH_EXPLAIN) {
				for (const compiled of [compileOrganisations(handle, '00000000-0000-4000-8000-00000000b001', 'search_text', ['park']), compilePeople(handle, '00000000-0000-4000-8000-00000000b001', 'search_text', ['park'])]) {
					const plan = await client.query(`explain analyze ${compiled.sql}`, compiled.parameters as unknown[]);
					console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
				}
			}
		} finally {
			await client.end();
			await handle.close();
			if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
			else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	}
} finally {
	if (process.env.BENCH_KEEP) console.log(`kept ${directory}`);
	else rmSync(directory, { recursive: true, force: true });
}

console.log(`\nDirectory search: ${ORGANISATIONS} organisations, ${PEOPLE} people, ${PARTNERSHIPS} partnerships, ${PRACTICES} practices, ${QUERIES.length} queries × ${ROUNDS} rounds\n`);
console.log('| database   | searchDirectory p50 | p95      | bare SQL p50 | p95      | target p95 |');
console.log('|------------|---------------------|----------|--------------|----------|------------|');
for (const result of results) {
	const [serviceP50, serviceP95] = result.servicePercentiles.map((value) => `${value.toFixed(2)} ms`);
	const [bareP50, bareP95] = result.barePercentiles.map((value) => `${value.toFixed(2)} ms`);
	console.log(`| ${result.label.padEnd(10)} | ${serviceP50.padStart(19)} | ${serviceP95.padStart(8)} | ${bareP50.padStart(12)} | ${bareP95.padStart(8)} | < 20 ms    |`);
}
