import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { unwrap } from '$lib/server/http/outcome';
import { getPersonalProgrammeFile, openProgrammeLink } from '$lib/server/personal-programme/personal-programme.service';
import { programmeFileResponse, programmeFormat } from '../../../../groups/[slug]/forums/[number]/my-programme/actions';

/** The calendar file or PDF of the personal programme a programme link opens. */
export const GET: RequestHandler = async (event) => {
	const format = programmeFormat(event.params.format);
	const opened = await openProgrammeLink(event.locals.context, event.params.token);
	if (!opened.ok) error(404, m.error_not_found_title());
	return programmeFileResponse(unwrap(event, await getPersonalProgrammeFile(event.locals.context, opened.value.guest, opened.value.forumId, null, format, event.locals.locale, { origin: event.url.origin })));
};
