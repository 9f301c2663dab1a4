import type { PageServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { getForumOverview } from '$lib/server/forums/forum.service';

export const load: PageServerLoad = async (event) => ({
	overview: unwrap(event, await getForumOverview(event.locals.context, event.locals.actor, event.params.slug, event.params.number))
});
