import type { RequestHandler } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { getMeetingCalendar } from '$lib/server/meetings/meeting.service';

/** The meeting's calendar file: the same event (UID, SEQUENCE) as in the invitation e-mails. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	const calendar = unwrap(event, await getMeetingCalendar(locals.context, locals.actor, params.slug, params.id, { origin: url.origin, locale: locals.locale }));
	return new Response(calendar.text, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${calendar.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
