/**
 * What the poll and consultation tests share: demo actors signed in for real, and forums of their
 * own (numbers far from the demo's 1st and 2nd) so that each test starts from an empty poll.
 */
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD } from '../db/demo-data/demo-data';
import { insertForum } from '../forums/forum.repository';
import type { ServiceContext } from '../shared/context';
import { newId } from '../shared/identifier';

export async function signedInActor(context: ServiceContext, email: string): Promise<Actor> {
	const signedIn = await signInWithPassword(context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
	if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
	return loadActor(context, signedIn.value.user);
}

/** The value of a successful result; a failure fails the test with its reason. */
export function must<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

/** Group ids by slug and organisation ids by French name. */
export async function demoIds(context: ServiceContext): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const group of await context.db.selectFrom('country_group').select(['id', 'slug']).execute()) ids[`group:${group.slug}`] = group.id;
	for (const organisation of await context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[organisation.name_fr] = organisation.id;
	return ids;
}

/** A forum in Korea, still an idea, numbered `number` in the group; returns the number as a URL has it. */
export async function insertTestForum(context: ServiceContext, groupId: string, number: number): Promise<string> {
	await insertForum(context.db, {
		id: newId(),
		group_id: groupId,
		number,
		title_fr: `${number}e Forum franco-coréen`,
		title_ko: `제${number}회 한불 포럼`,
		theme_fr: '',
		theme_ko: '',
		host_country: 'KR',
		host_timezone: 'Asia/Seoul',
		starts_on: null,
		ends_on: null,
		status: 'idea',
		description_fr: '',
		description_ko: '',
		report_fr: '',
		report_ko: '',
		created_at: '2024-02-27T09:00:00.000Z',
		updated_at: '2024-02-27T09:00:00.000Z'
	});
	return String(number);
}
