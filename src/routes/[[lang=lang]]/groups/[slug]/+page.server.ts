import type { PageServerLoad } from './$types';
import { zoneChoices } from '$lib/format/time-zones';
import { getGroupHome } from '$lib/server/home/home.service';
import { unwrap } from '$lib/server/http/outcome';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => {
	const zone = viewerZone(event);
	return {
		home: unwrap(event, await getGroupHome(event.locals.context, event.locals.actor, event.params.slug)),
		viewerZone: zone,
		zones: zoneChoices(zone)
	};
};
