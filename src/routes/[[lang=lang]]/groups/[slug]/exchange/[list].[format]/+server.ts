import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { exportRequestSchema } from '$lib/server/exchange/exchange.schema';
import { exportGroupList } from '$lib/server/exchange/export.service';
import { unwrap } from '$lib/server/http/outcome';

/** /groups/coree/exchange/organisations.csv, …/people.xlsx: one list of the group as a file. */
export const GET: RequestHandler = async (event) => {
	const request = exportRequestSchema.safeParse({ list: event.params.list, format: event.params.format });
	if (!request.success) error(404, m.error_not_found_title());
	const file = unwrap(event, await exportGroupList(event.locals.context, event.locals.actor, event.params.slug, request.data.list, request.data.format));
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			// The name is ASCII (slug, list, date), so no RFC 5987 encoding is needed.
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.body.byteLength),
			// Directory data of a group: never kept by a shared cache.
			'cache-control': 'private, no-store'
		}
	});
};
