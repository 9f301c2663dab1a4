import { parseCommandArguments, type CommandOutput } from '../command-line';
import { applyMigrations, withConfiguredDatabase } from '../configured-database';

export async function migrate(args: string[], output: CommandOutput): Promise<void> {
	parseCommandArguments(args, {}, { required: [] });
	await withConfiguredDatabase(async (database) => {
		const applied = await applyMigrations(database, output);
		if (applied.length === 0) output.out(`Already up to date: ${database.description}`);
		else output.out(`Up to date: ${database.description}`);
	});
}
