/**
 * The six standings the access table checks (issue 7 §3), each as an HTTP client holding that
 * person's session, and the demo ids the table fills route parameters with, read from the
 * server's own database so that the table follows the demo data instead of copying its ids.
 */
import Database from 'better-sqlite3';
import { expect, request, type APIRequestContext, type Browser } from '@playwright/test';
import { DATABASE_FILE, DEMO_ACCOUNTS, DEMO_PASSWORD, ORIGIN, storageStateOf } from './environment';
import { linkIn, waitForMessageTo } from './outbox';

export const ROLES = ['anonymous', 'other-group', 'member', 'partner', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Rows of the server's SQLite file, opened read-only for one query (the server keeps writing). */
export function queryDatabase<Row>(sql: string, ...parameters: unknown[]): Row[] {
	const database = new Database(DATABASE_FILE, { readonly: true, fileMustExist: true });
	try {
		return database.prepare(sql).all(...parameters) as Row[];
	} finally {
		database.close();
	}
}

function one(sql: string, ...parameters: unknown[]): string {
	const rows = queryDatabase<{ id: string }>(sql, ...parameters);
	if (rows.length === 0) throw new Error(`The demo data has no row for: ${sql}`);
	return rows[0].id;
}

/** Ids of the demo (demo-data.ts and its *.demo.ts files) that the routes take as parameters. */
export function readDemoIds() {
	const coree = one(`SELECT id FROM country_group WHERE slug = 'coree'`);
	const japon = one(`SELECT id FROM country_group WHERE slug = 'japon'`);
	const organisationOf = (email: string) =>
		one(`SELECT p.organisation_id AS id FROM user_account u JOIN person p ON p.id = u.person_id WHERE u.email = ?`, email);
	const memberOrganisation = organisationOf(DEMO_ACCOUNTS.member);
	const memberPerson = one(`SELECT person_id AS id FROM user_account WHERE email = ?`, DEMO_ACCOUNTS.member);
	// A partnership of another organisation than the member's, with people: the member reads them, may
	// not change them. The last one: partnerships.spec.ts works on the first (Issy-les-Moulineaux).
	const partnership = one(
		`SELECT id FROM partnership p WHERE group_id = ? AND french_organisation_id <> ?
		 AND EXISTS (SELECT 1 FROM person WHERE organisation_id = p.french_organisation_id) ORDER BY id DESC LIMIT 1`,
		coree,
		memberOrganisation
	);
	const otherOrganisation = one(`SELECT french_organisation_id AS id FROM partnership WHERE id = ?`, partnership);
	const otherPerson = one(`SELECT id FROM person WHERE organisation_id = ? ORDER BY id LIMIT 1`, otherOrganisation);
	const forumId = (number: number) => one(`SELECT id FROM forum WHERE group_id = ? AND number = ?`, coree, number);
	return {
		coree,
		japon,
		memberOrganisation,
		memberPerson,
		coordinatorOrganisation: organisationOf(DEMO_ACCOUNTS.coordinator),
		otherOrganisation,
		otherPerson,
		partnership,
		publishedMeeting: one(`SELECT id FROM meeting WHERE group_id = ? AND status = 'published' ORDER BY id LIMIT 1`, coree),
		draftMeeting: one(`SELECT id FROM meeting WHERE group_id = ? AND status = 'draft' ORDER BY id LIMIT 1`, coree),
		agendaItem: one(
			`SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.group_id = ? AND m.status = 'published' ORDER BY a.id LIMIT 1`,
			coree
		),
		secondForum: forumId(2),
		/** An option of the 2nd forum's open date poll (polls.demo.ts). */
		pollOption: one(`SELECT o.id FROM date_poll_option o JOIN date_poll p ON p.id = o.poll_id WHERE p.forum_id = ? ORDER BY o.id LIMIT 1`, forumId(2)),
		programmeItem: one(`SELECT id FROM programme_item WHERE forum_id = ? ORDER BY id LIMIT 1`, forumId(1)),
		// A practice none of whose organisations is the member's: the member reads it, may not edit it.
		practice: one(
			`SELECT id FROM good_practice gp WHERE group_id = ? AND NOT EXISTS
			 (SELECT 1 FROM good_practice_organisation o WHERE o.good_practice_id = gp.id AND o.organisation_id = ?) ORDER BY id LIMIT 1`,
			coree,
			memberOrganisation
		),
		/** Well formed, in no table: documents, photos, e-mails and links the demo does not have. */
		unknown: '00000000-0000-4000-8000-00000000ffff'
	};
}
export type DemoIds = ReturnType<typeof readDemoIds>;

/**
 * A client for the role. Form posts carry the Origin header a browser sends (SvelteKit refuses
 * cross-site form posts). Redirects are never followed by the callers (maxRedirects: 0).
 */
export async function clientFor(role: Role, ids: DemoIds): Promise<APIRequestContext> {
	// Accept: text/html as a browser sends it: with Playwright's */* SvelteKit answers form posts in JSON
	// (status 200 whatever the outcome), as it does for use:enhance.
	const headers = { origin: ORIGIN, accept: 'text/html' };
	if (role === 'anonymous') return request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: headers });
	if (role === 'member' || role === 'coordinator' || role === 'administrator') {
		return request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: headers, storageState: storageStateOf(role) });
	}
	const client = await request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: headers });
	if (role === 'partner') {
		// auth.setup.ts does not sign the partner in; one password sign-in stays far below the per-IP limit.
		const response = await client.post('/fr/sign-in?/password', {
			form: { email: DEMO_ACCOUNTS.partner, password: DEMO_PASSWORD, redirectTo: '' },
			maxRedirects: 0
		});
		expect(response.status(), 'the demo partner signs in').toBe(303);
		return client;
	}
	// The demo has nobody in the empty Japon group alone: the administrator invites a person there as
	// a member (a fresh address each run, so a retry does not meet EMAIL_TAKEN), who accepts.
	const email = `access-table-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
	const administrator = await clientFor('administrator', ids);
	try {
		const since = new Date();
		const invited = await administrator.post('/fr/admin?/invite', {
			form: { email, name: 'Japon Only', preferredLanguage: 'fr', groupId: ids.japon, role: 'member' },
			maxRedirects: 0
		});
		expect(invited.status(), 'the administrator invites a member of the Japon group').toBe(303);
		const link = linkIn(await waitForMessageTo(email, since));
		const accepted = await client.post(link.pathname + link.search, {
			form: { name: 'Japon Only', preferredLanguage: 'fr', password: 'only in the japan group', confirmPassword: 'only in the japan group' },
			maxRedirects: 0
		});
		expect(accepted.status(), 'the invited member of the Japon group accepts').toBe(303);
	} finally {
		await administrator.dispose();
	}
	return client;
}

/**
 * The fields of a form as the coordinator's page renders it (`action` "default" for the form
 * without ?/name), with its first filled title, name, description or summary changed and `changes`
 * applied, so that a write sent by somebody else
 * is a real change with valid values: a refusal then comes from the policy, not from validation.
 */
export async function formAsCoordinatorSees(browser: Browser, path: string, action: string, changes: Record<string, string> = {}): Promise<FormData> {
	const context = await browser.newContext({ storageState: storageStateOf('coordinator') });
	try {
		const page = await context.newPage();
		const response = await page.goto(path);
		expect(response?.status(), `the coordinator opens ${path}`).toBe(200);
		const entries = await page.locator('main form[method="POST" i]').evaluateAll((forms, wanted) => {
			const form = (forms as HTMLFormElement[]).find((candidate) => {
				const target = candidate.getAttribute('action') ?? '';
				return wanted === 'default' ? !target.includes('?/') : target.endsWith(`/${wanted}`);
			});
			if (!form) return null;
			const text = [...form.querySelectorAll<HTMLInputElement>('input[type="text"], textarea')].find(
				(field) => /title|name|description|summary/i.test(field.name) && field.value.trim() !== ''
			);
			if (text) text.value = `${text.value} (access table)`;
			return [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
		}, action);
		if (!entries) throw new Error(`No form ?/${action} on ${path} for the coordinator`);
		const data = new FormData();
		for (const [name, value] of entries) if (!(name in changes)) data.append(name, value);
		for (const [name, value] of Object.entries(changes)) data.append(name, value);
		return data;
	} finally {
		await context.close();
	}
}
