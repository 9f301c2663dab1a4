import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Issue 4 follow-ups:
 * - person_affiliation: the organisation a person belonged to from a day to a day, so minutes show
 *   the organisation a speaker had ON THE MEETING'S DAY (issue 4 §3), as person_title does for
 *   titles. Backfilled from person.organisation_id with an open start: the directory does not know
 *   since when a person has been with their organisation.
 * - intervention.speaker_organisation_override: the organisation the writer shows instead.
 * - country_group.default_timezone: where a group's meetings are scheduled unless said otherwise,
 *   and how an imported document's times without a zone are read (issue 4 §1, Bad input).
 * - action_item.position: action items keep the order they were written in (backfilled from
 *   their creation order, per meeting).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('person_affiliation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		// Local dates YYYY-MM-DD, both included; null: open-ended (unknown start, still held).
		.addColumn('valid_from', 'text')
		.addColumn('valid_to', 'text')
		.execute();
	await db.schema.createIndex('person_affiliation_person_idx').on('person_affiliation').column('person_id').execute();

	const people = await db.selectFrom('person').select(['id', 'organisation_id']).where('organisation_id', 'is not', null).execute();
	for (let start = 0; start < people.length; start += 200) {
		const rows = people.slice(start, start + 200).map((person) => ({
			id: randomUUID(),
			person_id: person.id,
			organisation_id: person.organisation_id,
			valid_from: null,
			valid_to: null
		}));
		await db.insertInto('person_affiliation').values(rows).execute();
	}

	await db.schema.alterTable('intervention').addColumn('speaker_organisation_override', 'text').execute();
	await db.schema
		.alterTable('country_group')
		.addColumn('default_timezone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
		.execute();

	await db.schema
		.alterTable('action_item')
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	const actions = await db.selectFrom('action_item').select(['id', 'meeting_id']).orderBy('meeting_id').orderBy('created_at').orderBy('id').execute();
	let meetingId: string | null = null;
	let position = 0;
	for (const action of actions) {
		position = action.meeting_id === meetingId ? position + 1 : 1;
		meetingId = action.meeting_id;
		await db.updateTable('action_item').set({ position }).where('id', '=', action.id).execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('action_item').dropColumn('position').execute();
	await db.schema.alterTable('country_group').dropColumn('default_timezone').execute();
	await db.schema.alterTable('intervention').dropColumn('speaker_organisation_override').execute();
	await db.schema.dropTable('person_affiliation').execute();
}
