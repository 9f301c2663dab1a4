import { parseCommandArguments, type Command } from '../command-line';
import { applyMigrations, withConfiguredDatabase } from '../configured-database';

export const migrateCommand: Command = {
	name: 'migrate',
	synopsis: '',
	summary: 'apply the database migrations that are not applied yet',
	details: [
		'Prints each migration it applies, or "Already up to date". The server also migrates when it',
		'starts; run this before starting a new version to see the migrations apart from the start-up.'
	],
	async run(args, output) {
		parseCommandArguments(this, args, {}, { required: [] });
		await withConfiguredDatabase(async (database) => {
			const applied = await applyMigrations(database, output);
			if (applied.length === 0) output.out(`Already up to date: ${database.description}`);
			else output.out(`Up to date: ${database.description}`);
		});
	}
};
