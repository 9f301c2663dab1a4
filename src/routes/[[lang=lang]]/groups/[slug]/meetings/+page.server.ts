import type { PageServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { listMeetings } from '$lib/server/meetings/meeting.service';

export const load: PageServerLoad = async (event) => ({
	list: unwrap(event, await listMeetings(event.locals.context, event.locals.actor, event.params.slug))
});
