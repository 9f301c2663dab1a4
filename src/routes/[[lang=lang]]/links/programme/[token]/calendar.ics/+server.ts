import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { unwrap } from '$lib/server/http/outcome';
import { getPersonalProgrammeFile, openProgrammeLink } from '$lib/server/personal-programme/personal-programme.service';

/** The ics file of the personal programme a programme link opens. */
export const GET: RequestHandler = async (event) => {
	const opened = await openProgrammeLink(event.locals.context, event.params.token);
	if (!opened.ok) error(404, m.error_not_found_title());
	const file = unwrap(event, await getPersonalProgrammeFile(event.locals.context, opened.value.guest, opened.value.forumId, null, 'ics', event.locals.locale, { origin: event.url.origin }));
	return new Response(file.body as BodyInit, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' }
	});
};
