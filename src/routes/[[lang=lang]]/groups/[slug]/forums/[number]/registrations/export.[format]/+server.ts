import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { unwrap } from '$lib/server/http/outcome';
import { exportRegistrations } from '$lib/server/registrations/registration-dashboard.service';

/** …/forums/2/registrations/export.csv or export.xlsx: one row per delegate (coordinators). */
export const GET: RequestHandler = async (event) => {
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') error(404, m.error_not_found_title());
	const file = unwrap(event, await exportRegistrations(event.locals.context, event.locals.actor, event.params.slug, Number(event.params.number), format, event.locals.locale));
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.body.byteLength),
			// Names and e-mail addresses of delegates: never kept by a shared cache.
			'cache-control': 'private, no-store'
		}
	});
};
