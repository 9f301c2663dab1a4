import type { PageServerLoad } from './$types';
import { zoneChoices } from '$lib/format/time-zones';
import { unwrap } from '$lib/server/http/outcome';
import { READING_LANGUAGES, type ReadingLanguage } from '$lib/server/meetings/minutes.schema';
import { getMinutes } from '$lib/server/meetings/minutes.service';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const versionParameter = url.searchParams.get('version');
	// A version that is not a whole number is no version: 404, like an unknown one.
	const version = versionParameter === null ? undefined : /^\d{1,6}$/.test(versionParameter) ? Number(versionParameter) : -1;
	const reading = unwrap(event, await getMinutes(locals.context, locals.actor, params.slug, params.id, version));
	const asked = url.searchParams.get('lang');
	const content = reading.content;
	const original = content.meeting.originalLanguage;
	// The reader's language when the minutes have text in it, else the original.
	const hasTextIn = (language: 'fr' | 'ko') =>
		content.items.some(
			(item) =>
				item.interventions.some((entry) => entry.text[language] !== '') ||
				item.decisions.some((entry) => entry.text[language] !== '') ||
				item.actions.some((entry) => entry.description[language] !== '')
		);
	const readerLanguage = locals.locale === 'fr' || locals.locale === 'ko' ? locals.locale : null;
	const language: ReadingLanguage = (READING_LANGUAGES as readonly string[]).includes(asked ?? '')
		? (asked as ReadingLanguage)
		: readerLanguage && hasTextIn(readerLanguage)
			? readerLanguage
			: original;
	const zone = viewerZone(event);
	// The zone form keeps the reading language and the version being read.
	const keep: Record<string, string> = {};
	for (const name of ['lang', 'version']) {
		const value = url.searchParams.get(name);
		if (value !== null) keep[name] = value;
	}
	return { reading, language, readerDefault: asked === null, viewerZone: zone, zones: zoneChoices(zone), keep };
};
