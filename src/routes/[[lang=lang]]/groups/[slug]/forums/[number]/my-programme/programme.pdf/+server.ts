import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { unwrap } from '$lib/server/http/outcome';
import { findForumOfGroup, getPersonalProgrammeFile } from '$lib/server/personal-programme/personal-programme.service';

/** The personal programme as a pdf file (same rules as the page; ?person=<id> for coordinators). */
export const GET: RequestHandler = async (event) => {
	const forumId = await findForumOfGroup(event.locals.context, event.params.slug, event.params.number);
	if (!forumId) error(404, m.error_not_found_title());
	const file = unwrap(event, await getPersonalProgrammeFile(event.locals.context, event.locals.actor, forumId, event.url.searchParams.get('person'), 'pdf', event.locals.locale, { origin: event.url.origin }));
	return new Response(file.body as BodyInit, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
	});
};
