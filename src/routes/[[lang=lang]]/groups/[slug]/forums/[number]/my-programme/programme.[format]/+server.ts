import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { unwrap } from '$lib/server/http/outcome';
import { findForumOfGroup, getPersonalProgrammeFile } from '$lib/server/personal-programme/personal-programme.service';
import { programmeFileResponse, programmeFormat } from '../actions';

/** …/my-programme/programme.ics or programme.pdf: the calendar file or the PDF (same rules as the page; ?person=<id> for coordinators). */
export const GET: RequestHandler = async (event) => {
	const format = programmeFormat(event.params.format);
	const forumId = await findForumOfGroup(event.locals.context, event.params.slug, event.params.number);
	if (!forumId) error(404, m.error_not_found_title());
	const file = await getPersonalProgrammeFile(event.locals.context, event.locals.actor, forumId, event.url.searchParams.get('person'), format, event.locals.locale, { origin: event.url.origin });
	// No file to give (not published yet, or not a delegate): there is nothing at this address.
	if (!file.ok && (file.reason === 'NOT_PUBLISHED' || file.reason === 'NOT_A_DELEGATE')) error(404, m.error_not_found_title());
	return programmeFileResponse(unwrap(event, file));
};
