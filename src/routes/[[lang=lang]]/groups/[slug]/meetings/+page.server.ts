import type { PageServerLoad } from './$types';
import { zoneChoices } from '$lib/format/time-zones';
import { unwrap } from '$lib/server/http/outcome';
import { listMeetings } from '$lib/server/meetings/meeting.service';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => {
	const zone = viewerZone(event);
	return {
		list: unwrap(event, await listMeetings(event.locals.context, event.locals.actor, event.params.slug)),
		viewerZone: zone,
		zones: zoneChoices(zone)
	};
};
