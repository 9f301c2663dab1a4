import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { unwrap } from '$lib/server/http/outcome';
import { EXPORT_FORMATS, exportMinutes, type ExportFormat } from '$lib/server/meetings/export/minutes-export.service';

/**
 * /groups/coree/meetings/<id>/export.docx|pdf|md?lang=fr|ko|both: the minutes as a file;
 * &participants=all: coordinators' copy listing everyone present (see ExportOptions).
 */
export const GET: RequestHandler = async (event) => {
	const format = event.params.format as ExportFormat;
	if (!EXPORT_FORMATS.includes(format)) error(404, m.error_not_found_title());
	const file = unwrap(
		event,
		await exportMinutes(event.locals.context, event.locals.actor, event.params.slug, event.params.id, format, event.url.searchParams.get('lang'), {
			allParticipants: event.url.searchParams.get('participants') === 'all'
		})
	);
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			// The name is ASCII (group slug, date, language), so no RFC 5987 encoding is needed.
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.body.byteLength),
			// Minutes of a group (drafts for coordinators): never kept by a shared cache.
			'cache-control': 'private, no-store'
		}
	});
};
