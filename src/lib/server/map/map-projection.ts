/**
 * The two panels of the group map, metropolitan France on the left and South Korea on the right,
 * each with its own conformal projection fitted to its box, and the outlines drawn from Natural
 * Earth (world-atlas, 1:50m, shipped with the app: no tile server, nothing fetched). Pure: points
 * in, SVG coordinates out. Outlines are projected once per process and kept: they never change.
 */
import { createRequire } from 'node:module';
import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The SVG's coordinate system: two 460 × 460 panels side by side, with a margin for the legend. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

export type PanelCountry = 'FR' | 'KR';

export interface Panel {
	country: PanelCountry;
	/** The box the country's outline is fitted to: [[x0, y0], [x1, y1]]. */
	box: [[number, number], [number, number]];
}

export const PANELS: Record<PanelCountry, Panel> = {
	FR: { country: 'FR', box: [[12, 12], [468, 468]] },
	KR: { country: 'KR', box: [[552, 12], [948, 468]] }
};

/** ISO 3166-1 numeric codes, as world-atlas names its countries. */
const COUNTRY_IDS: Record<PanelCountry, string> = { FR: '250', KR: '410' };

/**
 * Metropolitan France and Corsica: France's MultiPolygon also holds Guyane, the Antilles, Réunion,
 * Mayotte and the Pacific territories, which would shrink the mainland to a dot. A polygon is kept
 * when all its points lie in this box (longitude, latitude).
 */
const METROPOLITAN_FRANCE = { west: -6, east: 10, south: 41, north: 52 };

/** Neighbours drawn in a lighter shade for orientation: Europe around France, Korea's neighbours. */
const NEIGHBOUR_IDS: Record<PanelCountry, string[]> = {
	// Spain, Andorra, Italy, Switzerland, Germany, Belgium, Luxembourg, Netherlands, United Kingdom, Monaco.
	FR: ['724', '020', '380', '756', '276', '056', '442', '528', '826', '492'],
	// North Korea, Japan, China.
	KR: ['408', '392', '156']
};

interface ProjectedPanel {
	panel: Panel;
	projection: GeoProjection;
	/** SVG path of the country's outline. */
	outline: string;
	/** SVG path of the neighbouring countries, clipped to the panel. */
	neighbours: string;
}

let cache: Record<PanelCountry, ProjectedPanel> | undefined;

function isInside(ring: Position[], box: typeof METROPOLITAN_FRANCE): boolean {
	return ring.every(([longitude, latitude]) => longitude >= box.west && longitude <= box.east && latitude >= box.south && latitude <= box.north);
}

/** France without its overseas parts (exported for the tests). */
export function metropolitanOnly(country: Feature<MultiPolygon | Polygon>): Feature<MultiPolygon> {
	const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
	return {
		...country,
		geometry: { type: 'MultiPolygon', coordinates: polygons.filter((polygon) => isInside(polygon[0], METROPOLITAN_FRANCE)) }
	};
}

function loadCountries(): FeatureCollection<MultiPolygon | Polygon> {
	const require = createRequire(import.meta.url);
	const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
	return feature(topology, topology.objects.countries) as FeatureCollection<MultiPolygon | Polygon>;
}

/** Builds both panels: projections fitted to their boxes, outlines as SVG paths (1 decimal). */
function buildPanels(): Record<PanelCountry, ProjectedPanel> {
	const countries = loadCountries();
	const byId = new Map(countries.features.map((country) => [String(country.id), country]));
	const build = (panel: Panel, shape: Feature<MultiPolygon | Polygon>, parallels: [number, number], centralMeridian: number): ProjectedPanel => {
		const projection = geoConicConformal().parallels(parallels).rotate([-centralMeridian, 0]).fitExtent(panel.box, shape);
		const path = geoPath(projection).digits(1);
		const clipped = geoConicConformal()
			.parallels(parallels)
			.rotate([-centralMeridian, 0])
			.scale(projection.scale())
			.translate(projection.translate())
			.clipExtent(panel.box);
		const neighbourPath = geoPath(clipped).digits(1);
		const neighbours = NEIGHBOUR_IDS[panel.country]
			.map((id) => byId.get(id))
			.filter((country) => country !== undefined)
			.map((country) => neighbourPath(country) ?? '')
			.join('');
		return { panel, projection, outline: path(shape) ?? '', neighbours };
	};
	const france = metropolitanOnly(byId.get(COUNTRY_IDS.FR)!);
	const korea = byId.get(COUNTRY_IDS.KR)!;
	return {
		// Lambert-93's standard parallels and central meridian (44°, 49°, 3° E).
		FR: build(PANELS.FR, france, [44, 49], 3),
		// Standard parallels at 34° and 38° N, which bound South Korea; central meridian 127.5° E.
		KR: build(PANELS.KR, korea, [34, 38], 127.5)
	};
}

function panels(): Record<PanelCountry, ProjectedPanel> {
	cache ??= buildPanels();
	return cache;
}

/** The outlines to draw, computed once per process. */
export function mapOutlines(): { country: PanelCountry; outline: string; neighbours: string; box: Panel['box'] }[] {
	return Object.values(panels()).map(({ panel, outline, neighbours }) => ({ country: panel.country, outline, neighbours, box: panel.box }));
}

/**
 * The SVG point of a place in its country's panel (1 decimal), or null when the country has no
 * panel or the place falls outside it (overseas France, a wrong coordinate).
 */
export function projectPoint(country: string, latitude: number, longitude: number): { x: number; y: number } | null {
	if (country !== 'FR' && country !== 'KR') return null;
	const { panel, projection } = panels()[country];
	const projected = projection([longitude, latitude]);
	if (!projected) return null;
	const [x, y] = projected;
	const [[x0, y0], [x1, y1]] = panel.box;
	if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) return null;
	return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** What each panel covers (longitude, latitude): metropolitan France with Corsica; South Korea with Jeju and Ulleung. */
const PANEL_AREAS: Record<PanelCountry, typeof METROPOLITAN_FRANCE> = {
	FR: METROPOLITAN_FRANCE,
	KR: { west: 124, east: 132, south: 32.5, north: 39 }
};

/**
 * The SVG point of a place in whichever panel shows it, whatever the organisation's country:
 * GAROK's Paris office is a Korean body in France. Null outside both panels.
 */
export function projectPlace(latitude: number, longitude: number): { x: number; y: number } | null {
	for (const country of ['FR', 'KR'] as const) {
		const area = PANEL_AREAS[country];
		if (longitude >= area.west && longitude <= area.east && latitude >= area.south && latitude <= area.north) {
			return projectPoint(country, latitude, longitude);
		}
	}
	return null;
}

/**
 * A curve from a French point to a Korean one, arching above both so that lines from one city
 * fan out instead of lying on each other: `rank` (0, 1, 2…) raises the arch a little each time.
 */
export function partnershipCurve(from: { x: number; y: number }, to: { x: number; y: number }, rank = 0): string {
	const controlX = (from.x + to.x) / 2;
	const controlY = Math.max(4, Math.min(from.y, to.y) - 60 - 18 * rank);
	const format = (value: number) => String(Math.round(value * 10) / 10);
	return `M${format(from.x)},${format(from.y)}Q${format(controlX)},${format(controlY)} ${format(to.x)},${format(to.y)}`;
}
