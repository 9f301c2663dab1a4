import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../../lib/server/db/demo-data/demo-data';
import { parseCommandArguments, type Command } from '../command-line';
import { applyMigrations, commandContext, withConfiguredDatabase } from '../configured-database';

export const demoDataCommand: Command = {
	name: 'demo-data',
	synopsis: '',
	summary: 'migrate, then load the demo data into an empty database',
	details: [
		'Loads the Korea country group of the reference minutes and one account per role, only when',
		'the database holds no group and no account: it never mixes demo rows with real ones.',
		'Not loading into a database that is not empty is not an error (exit status 0).'
	],
	async run(args, output) {
		parseCommandArguments(this, args, {}, { required: [] });
		await withConfiguredDatabase(async (database, { config }) => {
			await applyMigrations(database, output);
			const { loaded } = await loadDemoData(commandContext(database, config));
			if (!loaded) {
				output.out(`Database not empty, nothing loaded: ${database.description}`);
				return;
			}
			output.out(`Demo data loaded: ${database.description}`);
			output.out(`Demo accounts (password: ${DEMO_PASSWORD}, or ask for a magic link):`);
			for (const account of DEMO_ACCOUNTS) output.out(`  ${account.role.padEnd(14)} ${account.email}`);
		});
	}
};
