import type { RequestHandler } from './$types';
import { downloadHeaders } from '$lib/server/files/download';
import { unwrap } from '$lib/server/http/outcome';
import { getPartnershipDocument } from '$lib/server/partnerships/partnership.service';

/** A partnership's document, as an attachment with its checked type; 404 for an unknown id or another partnership's. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const file = unwrap(event, await getPartnershipDocument(locals.context, locals.actor, params.slug, params.id, params.documentId));
	return new Response(file.content as Uint8Array<ArrayBuffer>, { headers: downloadHeaders(file) });
};
