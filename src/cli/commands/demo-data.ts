import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../../lib/server/db/demo-data/demo-data';
import { parseCommandArguments, type CommandOutput } from '../command-line';
import { applyMigrations, commandContext, withConfiguredDatabase } from '../configured-database';

export async function loadDemo(args: string[], output: CommandOutput): Promise<void> {
	parseCommandArguments(args, {}, { required: [] });
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
