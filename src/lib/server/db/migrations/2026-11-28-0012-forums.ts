import type { Kysely } from 'kysely';

/**
 * Forum editions and their programme (issue 5 §1–2): the yearly bilateral forum of a group, held in
 * one country (its local dates in the host's time zone), with its host organisations, the places it
 * visits, and a multi-day programme whose items (welcome, meetings, seminars, field visits, meals,
 * transport) are instants in UTC shown in the host's zone and in Paris time. Field visits carry a
 * capacity: issue 6 assigns delegates to them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('forum')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		// "1st forum", "2nd forum": the number people use, unique in the group.
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('title_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('theme_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('theme_ko', 'text', (c) => c.notNull().defaultTo(''))
		// ISO 3166-1 alpha-2: 'FR' or the partner country ('KR').
		.addColumn('host_country', 'text', (c) => c.notNull())
		// IANA zone of the host, in which the programme is written ('Europe/Paris', 'Asia/Seoul').
		.addColumn('host_timezone', 'text', (c) => c.notNull())
		// Local calendar dates (YYYY-MM-DD) in the host's zone; null until chosen (date poll).
		.addColumn('starts_on', 'text')
		.addColumn('ends_on', 'text')
		// idea → choosing-dates → registrations-open → programme-published → held → report
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('idea'))
		.addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_ko', 'text', (c) => c.notNull().defaultTo(''))
		// The report written after the forum (status 'report').
		.addColumn('report_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('report_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('forum_group_number_unique', ['group_id', 'number'])
		.execute();

	await db.schema
		.createTable('forum_host_organisation')
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('forum_host_organisation_pk', ['forum_id', 'organisation_id'])
		.execute();

	await db.schema
		.createTable('forum_place')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('name_fr', 'text', (c) => c.notNull())
		.addColumn('name_ko', 'text', (c) => c.notNull().defaultTo(''))
		// The organisation of the place when it is one of the directory's (a city, a region).
		.addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('forum_place_forum_idx').on('forum_place').columns(['forum_id', 'position']).execute();

	await db.schema
		.createTable('programme_item')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		// welcome | institutional-meeting | seminar | field-visit | meal | transport
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('host_organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('place', 'text')
		// UTC instants (ISO 8601), written and shown in the forum's host_timezone.
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		// Places on a visit (field visits); null when not limited.
		.addColumn('capacity', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('programme_item_forum_idx').on('programme_item').columns(['forum_id', 'starts_at']).execute();

	await db.schema
		.createTable('programme_item_theme')
		.addColumn('programme_item_id', 'text', (c) => c.notNull().references('programme_item.id').onDelete('cascade'))
		.addColumn('theme_key', 'text', (c) => c.notNull().references('theme.key').onDelete('cascade'))
		.addPrimaryKeyConstraint('programme_item_theme_pk', ['programme_item_id', 'theme_key'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['programme_item_theme', 'programme_item', 'forum_place', 'forum_host_organisation', 'forum']) {
		await db.schema.dropTable(table).execute();
	}
}
