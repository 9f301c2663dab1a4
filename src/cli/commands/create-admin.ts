import { emailSchema, nameSchema, newPasswordSchema } from '../../lib/server/auth/auth.schema';
import { parseCommandArguments, UsageError, type CommandOutput } from '../command-line';

/** The schemas' reasons, for an operator reading a terminal. */
const REASONS: Record<string, string> = {
	required: 'it is empty',
	too_long: 'it is too long',
	invalid_email: 'it is not an e-mail address',
	password_too_short: 'it is shorter than 12 characters'
};

export async function createAdmin(args: string[], output: CommandOutput): Promise<void> {
	const { values, positionals } = parseCommandArguments(
		args,
		{ name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
		{ required: ['<email>'] }
	);
	const email = emailSchema.safeParse(positionals[0]);
	if (!email.success) {
		throw new UsageError(`${JSON.stringify(positionals[0])} is not a valid e-mail address: ${reasonOf(email.error)}`);
	}
	const name = values.name === undefined ? { success: true as const, data: '' } : nameSchema.safeParse(values.name);
	if (!name.success) throw new UsageError(`--name is not valid: ${reasonOf(name.error)}`);
	const password = values['password-stdin'] ? await readPasswordFromStandardInput() : null;

	// Loaded once the command line is known to be right: a mistake is answered at once.
	const { applyMigrations, commandContext, withConfiguredDatabase } = await import('../configured-database');
	const { createAdministrator } = await import('../../lib/server/auth/auth.service');

	await withConfiguredDatabase(async (database, { config }) => {
		await applyMigrations(database, output);
		const { created } = await createAdministrator(commandContext(database, config), {
			email: email.data,
			name: name.data,
			password
		});
		const signIn = password ? 'signs in with the password given or a magic link' : 'signs in with a magic link';
		output.out(
			created
				? `Created administrator ${email.data} (${signIn}).`
				: `${email.data} already had an account: it is now an administrator${password ? ', with the password given' : ''}.`
		);
		// createAdministrator leaves an existing account's name alone: say so rather than seem to change it.
		if (!created && values.name !== undefined) output.warn('Note: --name is ignored for an existing account; its owner changes it in Dari.');
		if (!password && !config.SMTP_URL) {
			// Without SMTP, sign-in e-mails wait in the outbox, which only an administrator can read:
			// the first administrator could never sign in.
			output.warn(
				'Note: SMTP_URL is not set, so magic-link e-mails stay in the outbox that only administrators can read. Set SMTP_URL, or give a password with --password-stdin.'
			);
		}
	});
}

function reasonOf(error: { issues: { message: string }[] }): string {
	const code = error.issues[0]?.message ?? 'invalid';
	return REASONS[code] ?? code;
}

/** The whole of standard input, less one final line break, checked like a password set in the app. */
async function readPasswordFromStandardInput(): Promise<string> {
	if (process.stdin.isTTY) {
		// Typed at a terminal the password would show on screen and stay in the scroll-back.
		throw new UsageError(
			`--password-stdin reads the password from a pipe, e.g. printf '%s' "$PASSWORD" | npm run -s dari -- create-admin …`
		);
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
	const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
	if (/[\r\n]/.test(text)) throw new UsageError('the password on standard input must be a single line');
	const password = newPasswordSchema.safeParse(text);
	if (!password.success) throw new UsageError(`the password on standard input is not accepted: ${reasonOf(password.error)}`);
	return password.data;
}
