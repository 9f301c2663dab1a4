/**
 * A practice's photo, for whoever may see the group. Shown inline (it is checked to be a PNG, JPEG
 * or WebP image by its bytes), with its checked type, nosniff, and a sandbox should it be opened alone.
 */
import type { RequestHandler } from './$types';
import { downloadHeaders } from '$lib/server/files/download';
import { unwrap } from '$lib/server/http/outcome';
import { getPracticePhoto } from '$lib/server/practices/practice.service';

export const GET: RequestHandler = async (event) => {
	const photo = unwrap(event, await getPracticePhoto(event.locals.context, event.locals.actor, event.params.slug, event.params.id, event.params.photoId));
	const headers = downloadHeaders(photo);
	headers['content-disposition'] = headers['content-disposition'].replace(/^attachment/, 'inline');
	headers['content-security-policy'] = "default-src 'none'; sandbox";
	return new Response(photo.content as Uint8Array<ArrayBuffer>, { headers });
};
