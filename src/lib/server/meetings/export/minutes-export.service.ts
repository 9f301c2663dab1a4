/**
 * Reading a meeting's minutes for export (issue 4 §7): the print view and the Word, PDF and
 * Markdown files. Published minutes are for everyone who may read the group ('group.view');
 * drafts only for those who run it ('group.manage'). A meeting of another group, an unknown one,
 * or a draft asked for by a member: not found (a draft's existence is not revealed).
 */
import { authorize, can, type Actor } from '../../auth/policy';
import type { Executor } from '../../db/database';
import { findGroupBySlug } from '../../directory/directory.repository';
import type { ServiceContext } from '../../shared/context';
import { fail, ok, type Result } from '../../shared/result';
import { loadMinutesDocument, type MinutesDocument } from '../minutes-document';
import { renderMinutesDocx } from './minutes-docx';
import { exportFileName, layOutMinutes, type ExportLanguage, type MinutesLayout } from './minutes-layout';
import { renderMinutesMarkdown } from './minutes-markdown';
import { renderMinutesPdf } from './minutes-pdf';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface MinutesFile {
	fileName: string;
	contentType: string;
	body: Uint8Array;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	md: 'text/markdown; charset=utf-8'
};

/** The export language from a query parameter: fr, ko or both; anything else is the minutes' own language. */
export function exportLanguageOf(value: string | null | undefined, document?: Pick<MinutesDocument, 'originalLanguage'>): ExportLanguage {
	if (value === 'fr' || value === 'ko' || value === 'both') return value;
	return document?.originalLanguage ?? 'fr';
}

/** Renders a document in a format: the same function for the routes and the command line. */
export async function renderMinutesFile(document: MinutesDocument, format: ExportFormat, language: ExportLanguage): Promise<MinutesFile> {
	const body =
		format === 'docx'
			? await renderMinutesDocx(document, language)
			: format === 'pdf'
				? await renderMinutesPdf(document, language)
				: new TextEncoder().encode(renderMinutesMarkdown(document, language));
	return { fileName: exportFileName(document, language, format), contentType: CONTENT_TYPES[format], body };
}

export interface ExportOptions {
	/**
	 * Coordinators' working copy: the participants list with everyone present, also those who did
	 * not agree to appear in published lists (ignored for anyone who may not run the group). It is
	 * also what makes an export of imported minutes import back with its participants.
	 */
	allParticipants?: boolean;
}

/** Loads the minutes when the actor may read them in this group; NOT_FOUND otherwise (see the file's comment). */
async function readableMinutes(db: Executor, actor: Actor, groupSlug: string, meetingId: string, options: ExportOptions): Promise<Result<MinutesDocument, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	// The whole list, people who did not agree to be listed included, only for those who run the group.
	const includeUnlisted = options.allParticipants === true && can(actor, 'group.manage', group.id);
	const document = await loadMinutesDocument(db, meetingId, { includeUnlisted });
	if (!document || document.groupId !== group.id) return fail('NOT_FOUND');
	if (document.status !== 'published' && !can(actor, 'group.manage', group.id)) return fail('NOT_FOUND');
	return ok(document);
}

/**
 * The minutes laid out for the print view (/groups/[slug]/meetings/[id]/print?lang=).
 * Policy: 'group.view' for published minutes, 'group.manage' for drafts.
 */
export async function readMinutesForPrint(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	language: string | null,
	options: ExportOptions = {}
): Promise<Result<{ layout: MinutesLayout; language: ExportLanguage; meetingId: string; groupSlug: string; status: MinutesDocument['status'] }, 'NOT_FOUND'>> {
	const readable = await readableMinutes(context.db, actor, groupSlug, meetingId, options);
	if (!readable.ok) return readable;
	const chosen = exportLanguageOf(language, readable.value);
	return ok({ layout: layOutMinutes(readable.value, chosen), language: chosen, meetingId, groupSlug, status: readable.value.status });
}

/**
 * The minutes as a file (.docx, .pdf, .md) in French, Korean or both.
 * Policy: 'group.view' for published minutes, 'group.manage' for drafts and for `allParticipants`.
 */
export async function exportMinutes(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	format: ExportFormat,
	language: string | null,
	options: ExportOptions = {}
): Promise<Result<MinutesFile, 'NOT_FOUND'>> {
	const readable = await readableMinutes(context.db, actor, groupSlug, meetingId, options);
	if (!readable.ok) return readable;
	return ok(await renderMinutesFile(readable.value, format, exportLanguageOf(language, readable.value)));
}
