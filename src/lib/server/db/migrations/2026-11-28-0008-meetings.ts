import type { Kysely } from 'kysely';

/**
 * Meetings and their minutes (issue 4): a meeting in a group with its times (instants in UTC and
 * the IANA zone it was scheduled in), invitations and answers, attendance, an ordered agenda, per
 * item the interventions and decisions, action items followed from meeting to meeting, text the
 * import did not recognise (kept verbatim, never dropped), and every published version.
 * Texts that exist in two languages have a _fr and a _ko column: minutes are written in one
 * (`original_language`) and translated item by item.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('meeting')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		.addColumn('title_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_ko', 'text', (c) => c.notNull().defaultTo(''))
		// Null while an imported meeting waits for the coordinator to give its date.
		.addColumn('starts_at', 'text')
		.addColumn('ends_at', 'text')
		.addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
		.addColumn('format', 'text', (c) => c.notNull().defaultTo('video'))
		.addColumn('video_link', 'text')
		.addColumn('place', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('original_language', 'text', (c) => c.notNull().defaultTo('fr'))
		.addColumn('previous_meeting_id', 'text', (c) => c.references('meeting.id').onDelete('set null'))
		// Incremented on every change of time or place, so calendars update the event (RFC 5545 SEQUENCE).
		.addColumn('calendar_sequence', 'integer', (c) => c.notNull().defaultTo(0))
		// SHA-256 of an imported document's text: importing the same document twice is detected.
		.addColumn('source_hash', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('published_at', 'text')
		.execute();
	await db.schema.createIndex('meeting_group_idx').on('meeting').columns(['group_id', 'starts_at']).execute();
	await db.schema.createIndex('meeting_source_hash_idx').on('meeting').columns(['group_id', 'source_hash']).execute();

	await db.schema
		.createTable('meeting_participant')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('invited_at', 'text')
		// The invitee's answer: 'attending' or 'not-attending'; null until they answer.
		.addColumn('response', 'text')
		.addColumn('responded_at', 'text')
		// What happened: 'present', 'excused' or 'absent'; null until recorded.
		.addColumn('attendance', 'text')
		.addPrimaryKeyConstraint('meeting_participant_pk', ['meeting_id', 'person_id'])
		.execute();
	await db.schema.createIndex('meeting_participant_person_idx').on('meeting_participant').column('person_id').execute();

	await db.schema
		.createTable('agenda_item')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('presenter_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('agenda_item_meeting_idx').on('agenda_item').columns(['meeting_id', 'position']).execute();

	await db.schema
		.createTable('intervention')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_item.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		// A person of the directory, or null with speaker_name for one not (yet) in it.
		.addColumn('speaker_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('speaker_name', 'text', (c) => c.notNull().defaultTo(''))
		// The title shown beside the speaker when the writer overrides the one held that day.
		.addColumn('speaker_title_override', 'text')
		.addColumn('text_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('text_ko', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('intervention_item_idx').on('intervention').columns(['agenda_item_id', 'position']).execute();

	await db.schema
		.createTable('decision')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_item.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('text_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('text_ko', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('decision_item_idx').on('decision').columns(['agenda_item_id', 'position']).execute();

	await db.schema
		.createTable('action_item')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
		.addColumn('agenda_item_id', 'text', (c) => c.references('agenda_item.id').onDelete('set null'))
		.addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('owner_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('owner_organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		// A local date (YYYY-MM-DD) in the meeting's zone.
		.addColumn('due_on', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('action_item_group_idx').on('action_item').columns(['group_id', 'status', 'due_on']).execute();

	await db.schema
		.createTable('minutes_unrecognised')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('minutes_version')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		// JSON of the whole minutes as they were (agenda, interventions, decisions, actions, attendance).
		.addColumn('snapshot', 'text', (c) => c.notNull())
		.addColumn('author_user_id', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.addUniqueConstraint('minutes_version_unique', ['meeting_id', 'version'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['minutes_version', 'minutes_unrecognised', 'action_item', 'decision', 'intervention', 'agenda_item', 'meeting_participant', 'meeting']) {
		await db.schema.dropTable(table).execute();
	}
}
