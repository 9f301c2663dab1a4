import type { LayoutServerLoad } from './$types';
import { pathWithoutLocale } from '$lib/i18n/locale';
import { listVisibleGroups } from '$lib/server/directory/directory.service';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const groups = await listVisibleGroups(locals.context, locals.actor);
	return {
		locale: locals.locale,
		user: locals.user && { name: locals.user.name, email: locals.user.email, isAdministrator: locals.user.isAdministrator },
		groups: groups.map((group) => ({ slug: group.slug, name: group.name })),
		pathWithoutLocale: pathWithoutLocale(url.pathname),
		search: url.search
	};
};
