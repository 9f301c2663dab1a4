import type { PageServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { getGroupMap } from '$lib/server/map/map.service';

/**
 * The map is drawn on the server as one SVG and needs no script: without client-side rendering
 * the page ships no JavaScript and its data (the outlines) is not sent a second time for hydration.
 */
export const csr = false;

export const load: PageServerLoad = async (event) => ({
	map: unwrap(event, await getGroupMap(event.locals.context, event.locals.actor, event.params.slug))
});
