import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadMinutesDocument } from '../../lib/server/meetings/minutes-document';
import { EXPORT_FORMATS, renderMinutesFile, type ExportFormat } from '../../lib/server/meetings/export/minutes-export.service';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../lib/server/meetings/export/minutes-layout';
import { CommandFailure, parseCommandArguments, resolveFileArgument, UsageError, type CommandOutput } from '../command-line';
import { withConfiguredDatabase } from '../configured-database';

/**
 * `export-minutes <meeting-id> --format docx|pdf|md [--lang fr|ko|both] --out <file>` (issue 4 §10):
 * the same files as the meeting's download links, drafts included (the console is the server's
 * operator, who may read everything). Without --lang, the minutes' own language. The participants
 * list leaves out people who did not agree to be listed, unless --all-participants.
 */
export async function exportMinutesCommand(args: string[], output: CommandOutput): Promise<void> {
	const { values, positionals } = parseCommandArguments(
		args,
		{ format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, 'all-participants': { type: 'boolean' } },
		{ required: ['<meeting-id>'] }
	);
	if (!values.format) throw new UsageError('missing --format docx|pdf|md');
	if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`unknown format ${JSON.stringify(values.format)}: use docx, pdf or md`);
	if (values.lang !== undefined && !(EXPORT_LANGUAGES as readonly string[]).includes(values.lang)) {
		throw new UsageError(`unknown language ${JSON.stringify(values.lang)}: use fr, ko or both`);
	}
	if (!values.out) throw new UsageError('missing --out <file>');
	const target = resolveFileArgument(values.out);
	if (existsSync(target) && statSync(target).isDirectory()) throw new CommandFailure(`${target} is a directory; name a file`);
	if (!existsSync(dirname(target))) throw new CommandFailure(`the directory ${dirname(target)} does not exist`);

	const meetingId = positionals[0];
	await withConfiguredDatabase(async (database) => {
		const document = await loadMinutesDocument(database.db, meetingId, { includeUnlisted: values['all-participants'] === true });
		if (!document) throw new CommandFailure(`no meeting ${JSON.stringify(meetingId)} in ${database.description}`);
		const language = (values.lang as ExportLanguage | undefined) ?? document.originalLanguage;
		const file = await renderMinutesFile(document, values.format as ExportFormat, language);
		writeFileSync(target, file.body);
		const title = document.title[language === 'ko' ? 'ko' : 'fr'] || document.title.fr || document.title.ko;
		output.out(`Wrote ${target} (${file.body.byteLength} bytes): ${title}${document.day ? `, ${document.day}` : ''}, ${values.format}, ${language}${document.status === 'draft' ? ' (draft)' : ''}.`);
	});
}
