import type { PageServerLoad } from './$types';
import { getMyTodo } from '$lib/server/home/home.service';
import { unwrap } from '$lib/server/http/outcome';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => ({
	todo: unwrap(event, await getMyTodo(event.locals.context, event.locals.actor)),
	viewerZone: viewerZone(event)
});
