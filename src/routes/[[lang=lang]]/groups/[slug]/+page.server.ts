import type { PageServerLoad } from './$types';
import { getGroupOverview } from '$lib/server/directory/directory.service';
import { unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => ({
	overview: unwrap(event, await getGroupOverview(event.locals.context, event.locals.actor, event.params.slug))
});
