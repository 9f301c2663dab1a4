import type { PageServerLoad } from './$types';
import { listGroupsToAdminister } from '$lib/server/groups/group.service';
import { unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => ({
	groups: unwrap(event, await listGroupsToAdminister(event.locals.context, event.locals.actor))
});
