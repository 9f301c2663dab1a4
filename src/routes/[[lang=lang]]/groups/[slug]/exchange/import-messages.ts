/**
 * The sentences of the import page, in the page's language: each line's problem named by line and
 * column ("Ligne 4, colonne « email » : …"), and why a whole file was refused.
 */
import { m } from '$lib/paraglide/messages.js';
import { errorMessage } from '$lib/i18n/form-errors';

export interface Problem {
	column: string | null;
	code: string;
	expected?: number;
	found?: number;
}

function problemSentence(problem: Problem): string {
	switch (problem.code) {
		case 'wrong_column_count':
			return m.exchange_problem_wrong_column_count({ expected: problem.expected ?? 0, found: problem.found ?? 0 });
		case 'unknown_organisation':
			return m.exchange_problem_unknown_organisation();
		case 'ambiguous_organisation':
			return m.exchange_problem_ambiguous_organisation();
		case 'organisation_required':
			return m.exchange_problem_organisation_required();
		case 'email_outside_group':
			return m.exchange_problem_email_outside_group();
		case 'organisation_of_other_group':
			return m.exchange_problem_organisation_of_other_group();
		case 'invalid_boolean':
			return m.exchange_problem_invalid_boolean();
		default:
			return errorMessage(problem.code) ?? m.error_invalid_choice();
	}
}

/** "Ligne 4, colonne « email » : Saisissez une adresse e-mail valide…" */
export function problemText(line: number, problem: Problem): string {
	const sentence = problemSentence(problem);
	return problem.column ? m.exchange_row_problem({ line, column: problem.column, problem: sentence }) : m.exchange_row_problem_no_column({ line, problem: sentence });
}

export type FileError =
	| { reason: 'MISSING_FILE' | 'EMPTY_FILE' | 'NOT_CSV' | 'UTF16' | 'CONFLICT' }
	| { reason: 'FILE_TOO_LARGE'; maxBytes?: number }
	| { reason: 'TOO_MANY_LINES'; maxLines: number }
	| { reason: 'MALFORMED_CSV'; line: number }
	| { reason: 'BAD_HEADER'; missing: string[]; unknown: string[]; repeated: string[] };

/** One sentence per thing wrong with the file. */
export function fileErrorTexts(error: FileError): string[] {
	switch (error.reason) {
		case 'MISSING_FILE':
			return [m.exchange_file_missing()];
		case 'EMPTY_FILE':
			return [m.exchange_file_empty()];
		case 'NOT_CSV':
			return [m.exchange_file_not_csv()];
		case 'UTF16':
			return [m.exchange_file_utf16()];
		case 'CONFLICT':
			return [m.exchange_conflict()];
		case 'FILE_TOO_LARGE':
			return [m.exchange_file_too_large({ max: Math.round((error.maxBytes ?? 2 * 1024 * 1024) / (1024 * 1024)) })];
		case 'TOO_MANY_LINES':
			return [m.exchange_file_too_many_lines({ max: error.maxLines })];
		case 'MALFORMED_CSV':
			return [m.exchange_file_malformed({ line: error.line })];
		case 'BAD_HEADER':
			return [
				...(error.missing.length ? [m.exchange_header_missing({ columns: error.missing.join(', ') })] : []),
				...(error.unknown.length ? [m.exchange_header_unknown({ columns: error.unknown.join(', ') })] : []),
				...(error.repeated.length ? [m.exchange_header_repeated({ columns: error.repeated.join(', ') })] : [])
			];
	}
}

export function statusName(status: string): string {
	return (
		{
			new: m.exchange_status_new,
			update: m.exchange_status_update,
			unchanged: m.exchange_status_unchanged,
			duplicate: m.exchange_status_duplicate,
			error: m.exchange_status_error
		}[status] ?? m.exchange_status_error
	)();
}

export function encodingName(encoding: string): string {
	if (encoding === 'utf-8-bom') return m.exchange_encoding_utf8_bom();
	if (encoding === 'windows-1252') return m.exchange_encoding_windows_1252();
	if (encoding === 'euc-kr') return m.exchange_encoding_euc_kr();
	return m.exchange_encoding_utf8();
}

export function listName(list: string): string {
	return (
		{
			organisations: m.exchange_list_organisations,
			people: m.exchange_list_people,
			partnerships: m.exchange_list_partnerships,
			practices: m.exchange_list_practices
		}[list] ?? m.exchange_list_organisations
	)();
}
