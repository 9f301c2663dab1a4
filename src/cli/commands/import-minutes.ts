import { readFile, stat } from 'node:fs/promises';
import { CommandFailure, parseCommandArguments, resolveFileArgument, UsageError, type CommandOutput } from '../command-line';

/**
 * `dari import-minutes <file> --group <slug> [--dry-run] [--json] [--force]`: the minutes import of
 * the web page (issue 4 §8, §9) for batches of old files, as the platform itself (an administrator's
 * rights: whoever runs it already holds the server's database). Speakers and participants are
 * matched to the group's directory as the preview proposes; nothing is asked.
 * Standard output: with --json exactly one JSON object (title, startsAt, endsAt, timezone, format,
 * agenda, participants, excused, unrecognised, then actions (the meeting's, those of an item are in
 * its agenda entry) and meetingId once created); otherwise a summary.
 */
export async function importMinutes(args: string[], output: CommandOutput): Promise<void> {
	const { values, positionals } = parseCommandArguments(
		args,
		{ group: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, force: { type: 'boolean' } },
		{ required: ['<file>'] }
	);
	if (!values.group) throw new UsageError('missing --group <slug>');
	const path = resolveFileArgument(positionals[0]);
	const { MAX_MINUTES_BYTES, MINUTES_FILE_REFUSALS } = await import('../../lib/server/meetings/import/minutes-file');
	const size = (await stat(path)).size;
	// Not read into memory when it is refused anyway.
	if (size > MAX_MINUTES_BYTES) throw new CommandFailure(`${positionals[0]}: ${MINUTES_FILE_REFUSALS.minutes_file_too_large}`);
	const bytes = new Uint8Array(await readFile(path));

	const { migrateDatabase, commandContext, withConfiguredDatabase } = await import('../configured-database');
	const service = await import('../../lib/server/meetings/import/import.service');
	const { minutesToJson } = await import('../../lib/server/meetings/import/minutes-parser');

	await withConfiguredDatabase(async (database, { config }) => {
		// A dry run writes nothing, not even migrations: on a database not (fully) migrated it says so.
		if (!values['dry-run']) for (const name of await migrateDatabase(database)) output.warn(`Applied migration ${name}`);
		else {
			const pending = await pendingMigrations(database);
			if (pending.length > 0)
				throw new CommandFailure(
					`${database.description} is not migrated (${pending.length} migration${pending.length > 1 ? 's' : ''} pending): run \`npm run -s dari -- migrate\` first (a dry run writes nothing)`
				);
		}
		const context = commandContext(database, config);
		const preview = await service.previewMinutesFile(context, service.PLATFORM_ACTOR, values.group!, bytes);
		if (!preview.ok) {
			if (preview.reason === 'NOT_FOUND') throw new CommandFailure(`no group with the slug ${JSON.stringify(values.group)}`);
			throw new CommandFailure(`${positionals[0]}: ${MINUTES_FILE_REFUSALS[preview.reason as keyof typeof MINUTES_FILE_REFUSALS] ?? preview.reason}`);
		}
		const parsed = preview.value.parsed;
		const json = minutesToJson(parsed);
		const notes: string[] = [];
		if (parsed.date && parsed.timezoneAssumed) notes.push(`Note: the document names no time zone; its times were read in ${parsed.timezone}.`);
		for (const duplicate of preview.value.duplicates) notes.push(`Note: this document was already imported as meeting ${duplicate.id}.`);
		const unmatched = preview.value.speakers.filter((speaker) => !speaker.match).map((speaker) => speaker.name);
		if (unmatched.length) notes.push(`Note: speakers not in the directory: ${unmatched.join(', ')}.`);

		if (values['dry-run']) {
			for (const note of notes) output.warn(note);
			if (values.json) output.out(JSON.stringify(json));
			else {
				output.out(summary(json, preview.value));
				output.out('Dry run: nothing was written.');
			}
			return;
		}
		if (!parsed.date || !parsed.startTime) throw new CommandFailure(`${positionals[0]}: no date and time recognised; import it from the web page, which asks for them`);
		if (preview.value.duplicates.length > 0 && !values.force)
			throw new CommandFailure(`${positionals[0]} was already imported into ${values.group} (meeting ${preview.value.duplicates[0].id}); --force imports it again`);
		const imported = await service.confirmMinutesImport(context, service.PLATFORM_ACTOR, values.group!, { ...service.defaultConfirmation(preview.value), force: !!values.force });
		if (!imported.ok) throw new CommandFailure(`${positionals[0]}: not imported (${imported.reason})`);
		for (const note of notes) output.warn(note);
		if (values.json) output.out(JSON.stringify({ ...json, meetingId: imported.value.meetingId }));
		else {
			output.out(summary(json, preview.value));
			output.out(`Created meeting ${imported.value.meetingId} (draft) in ${values.group}.`);
		}
	});
}

/** The migrations this version has that the database has not applied (all of them on a new database). */
async function pendingMigrations(database: import('../../lib/server/db/connection').DatabaseHandle): Promise<string[]> {
	const { MIGRATION_NAMES } = await import('../../lib/server/db/migrations/index');
	const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
	if (!tables.some((table) => table.name === 'kysely_migration')) return [...MIGRATION_NAMES];
	const { sql } = await import('kysely');
	const applied = new Set((await sql<{ name: string }>`select name from kysely_migration`.execute(database.db)).rows.map((row) => row.name));
	return MIGRATION_NAMES.filter((name) => !applied.has(name));
}

function summary(json: import('../../lib/server/meetings/import/minutes-parser').MinutesJson, preview: import('../../lib/server/meetings/import/import.service').ImportPreview): string {
	const interventions = json.agenda.reduce((total, item) => total + item.interventions.length, 0);
	const decisions = json.agenda.reduce((total, item) => total + item.decisions.length, 0);
	const matched = preview.participants.filter((entry) => entry.person).length;
	return [
		`Title: ${json.title || '(none)'}`,
		`Starts: ${json.startsAt ?? '(no date recognised)'} · zone ${json.timezone}${preview.parsed.timezoneAssumed ? ' (assumed)' : ''} · ${json.format}`,
		`Agenda: ${json.agenda.length} items, ${interventions} interventions, ${decisions} decisions`,
		`Participants: ${json.participants.length} (${matched} found in the directory), excused: ${json.excused.length}`,
		`Actions: ${json.agenda.reduce((total, item) => total + item.actions.length, 0) + json.actions.length}`,
		`Unrecognised: ${json.unrecognised.length} lines (kept with the minutes)`
	].join('\n');
}
