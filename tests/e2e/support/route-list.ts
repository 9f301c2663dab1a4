/**
 * Every route of Dari, read from src/routes the way SvelteKit does: a folder is a route when it
 * holds a page (+page.svelte, +page.ts, +page.server.ts) or an endpoint (+server.ts); its id is
 * its path under src/routes ("/[[lang=lang]]/groups/[slug]/meetings/[id]"). The access table
 * (access-table.spec.ts) is checked against this list, so a new route cannot go unlisted.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROUTE_FILES = new Set(['+page.svelte', '+page.ts', '+page.server.ts', '+server.ts']);

export function listRouteIds(routesDirectory = 'src/routes'): string[] {
	const ids: string[] = [];
	const walk = (directory: string) => {
		const entries = readdirSync(directory, { withFileTypes: true });
		if (entries.some((entry) => entry.isFile() && ROUTE_FILES.has(entry.name))) {
			const path = relative(routesDirectory, directory).split(sep).join('/');
			ids.push(path === '' ? '/' : `/${path}`);
		}
		for (const entry of entries) if (entry.isDirectory()) walk(join(directory, entry.name));
	};
	walk(routesDirectory);
	return ids.sort();
}
