/**
 * The group map (issue 3 §9): the group's organisations and the parties of its partnerships as
 * points on a map of France and of Korea, partnerships as lines coloured by status, and the same
 * facts as rows for the table view.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, type Actor } from '../auth/policy';
import { PARTNERSHIP_STATUSES, type PartnershipKind, type PartnershipStatus } from '../partnerships/partnership.table';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import { MAP_HEIGHT, MAP_WIDTH, mapOutlines, partnershipCurve, projectPlace, projectPoint } from './map-projection';
import * as repository from './map.repository';
import { placeOfKoreanRegion, placeOfOrganisation } from './places';

/** How an organisation is on the map: a member or partner of the group, or only a party to one of its partnerships. */
export type MapRelation = 'member' | 'partner' | 'party';

export interface MapPoint {
	x: number;
	y: number;
}

export interface MapOrganisation {
	id: string;
	name: { fr: string; ko: string | null; en: string | null };
	kind: string;
	countryCode: string;
	relation: MapRelation;
	/** Région, province or département as the record says it; null when unknown. */
	regionName: string | null;
	latitude: number | null;
	longitude: number | null;
	/** The point stands for a wider or a nearby place (see places.ts). */
	approximate: boolean;
	/** Where it is drawn; null when it has no point or lies outside both panels. */
	point: MapPoint | null;
	/** Its partnerships in the group, by id (see `partnerships`). */
	partnershipIds: string[];
}

export interface MapPartnership {
	id: string;
	kind: PartnershipKind;
	status: PartnershipStatus;
	verified: boolean;
	frenchOrganisationId: string;
	/** Null while the partner is "to be identified". */
	foreignOrganisationId: string | null;
	foreignCountryCode: string;
	foreignRegion: string | null;
	/** SVG path of the line; null when a side has no point. */
	line: string | null;
	/** The line ends at the partner's region, the partner itself being still to be identified. */
	toRegion: MapPoint | null;
}

export interface GroupMap {
	group: { slug: string; name: Record<Locale, string> };
	width: number;
	height: number;
	outlines: ReturnType<typeof mapOutlines>;
	organisations: MapOrganisation[];
	partnerships: MapPartnership[];
	statuses: readonly PartnershipStatus[];
}

/**
 * Points closer than this (SVG units) are spread on a small circle around their centre, so each
 * keeps a link one can click: Paris and its neighbours are within a few units at this scale.
 */
const CROWDED_DISTANCE = 9;
/** Up to this many crowded points go on a ring; more on a spiral, which stays compact. */
const RING_LIMIT = 8;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Spreads crowded points around their centre, on a ring (on a spiral when there are many); order
 * is kept, so the layout is stable. Points are bucketed in a grid of CROWDED_DISTANCE cells, so a large group stays linear.
 */
export function spreadCrowdedPoints(points: MapPoint[]): MapPoint[] {
	const clusters: number[][] = [];
	const clusterOf: number[][] = [];
	const grid = new Map<string, number[]>();
	const cellOf = (point: MapPoint) => [Math.floor(point.x / CROWDED_DISTANCE), Math.floor(point.y / CROWDED_DISTANCE)];
	points.forEach((point, index) => {
		const [column, row] = cellOf(point);
		let near: number[] | undefined;
		for (let dx = -1; dx <= 1 && !near; dx++) {
			for (let dy = -1; dy <= 1 && !near; dy++) {
				const other = (grid.get(`${column + dx},${row + dy}`) ?? []).find(
					(member) => Math.hypot(points[member].x - point.x, points[member].y - point.y) < CROWDED_DISTANCE
				);
				if (other !== undefined) near = clusterOf[other];
			}
		}
		if (!near) {
			near = [];
			clusters.push(near);
		}
		near.push(index);
		clusterOf[index] = near;
		const key = `${column},${row}`;
		const cell = grid.get(key);
		if (cell) cell.push(index);
		else grid.set(key, [index]);
	});
	const positionInCluster = new Map<number, number>();
	const centreOf = new Map<number[], MapPoint>();
	for (const cluster of clusters) {
		cluster.forEach((member, position) => positionInCluster.set(member, position));
		const x = cluster.reduce((sum, member) => sum + points[member].x, 0) / cluster.length;
		const y = cluster.reduce((sum, member) => sum + points[member].y, 0) / cluster.length;
		centreOf.set(cluster, { x, y });
	}
	const round = (value: number) => Math.round(value * 10) / 10;
	return points.map((point, index) => {
		const cluster = clusterOf[index];
		if (cluster.length === 1) return point;
		const { x: centreX, y: centreY } = centreOf.get(cluster)!;
		const position = positionInCluster.get(index)!;
		if (cluster.length <= RING_LIMIT) {
			// A few points: a ring, first one at the top.
			const radius = Math.max(CROWDED_DISTANCE * 0.8, (CROWDED_DISTANCE * cluster.length) / (2 * Math.PI));
			const angle = (2 * Math.PI * position) / cluster.length - Math.PI / 2;
			return { x: round(centreX + radius * Math.cos(angle)), y: round(centreY + radius * Math.sin(angle)) };
		}
		// Many points: a sunflower spiral (golden angle), as dense as the points allow without overlapping.
		const radius = CROWDED_DISTANCE * 0.6 * Math.sqrt(position + 0.5);
		const angle = position * GOLDEN_ANGLE;
		return { x: round(centreX + radius * Math.cos(angle)), y: round(centreY + radius * Math.sin(angle)) };
	});
}

type OrganisationRow = Awaited<ReturnType<typeof repository.listOrganisationsByIds>>[number];

/** The stored point if any, else the one its official code gives (organisations created before placing existed). */
function locate(row: OrganisationRow): { latitude: number; longitude: number; approximate: boolean } | null {
	const computed = placeOfOrganisation({
		countryCode: row.country_code,
		nameFr: row.name_fr,
		officialCodeScheme: row.official_code_scheme,
		officialCode: row.official_code,
		departementCode: row.departement_code,
		regionCode: row.region_code
	});
	if (row.latitude !== null && row.longitude !== null) {
		const latitude = Number(row.latitude);
		const longitude = Number(row.longitude);
		// A stored point equal to the computed one carries the computed one's precision.
		const same = computed && Math.abs(computed.latitude - latitude) < 1e-6 && Math.abs(computed.longitude - longitude) < 1e-6;
		return { latitude, longitude, approximate: Boolean(same && computed.approximate) };
	}
	return computed;
}

/**
 * The map of a group: its members and partners, the parties of its partnerships, and the lines
 * between them. Group viewers only (members, partners, coordinators, administrators).
 */
export async function getGroupMap(context: ServiceContext, actor: Actor, groupSlug: string): Promise<Result<GroupMap, 'NOT_FOUND'>> {
	const group = await repository.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;

	const [members, partnerships] = await Promise.all([
		repository.listGroupOrganisations(context.db, group.id),
		repository.listGroupPartnerships(context.db, group.id)
	]);
	const memberIds = new Set(members.map((row) => row.id));
	const partyIds = [
		...new Set(partnerships.flatMap((row) => [row.french_organisation_id, row.foreign_organisation_id]).filter((id): id is string => id !== null))
	].filter((id) => !memberIds.has(id));
	const parties = await repository.listOrganisationsByIds(context.db, partyIds);

	const rows: { row: OrganisationRow; relation: MapRelation }[] = [
		...members.map((row) => ({ row, relation: row.capacity as MapRelation })),
		...parties.sort((a, b) => a.name_fr.localeCompare(b.name_fr, 'fr')).map((row) => ({ row, relation: 'party' as const }))
	];
	const located = rows.map(({ row }) => locate(row));
	const projected = located.map((place) => (place ? projectPlace(place.latitude, place.longitude) : null));
	const drawnIndexes = projected.flatMap((point, index) => (point ? [index] : []));
	const spread = spreadCrowdedPoints(drawnIndexes.map((index) => projected[index]!));
	const points = new Map(drawnIndexes.map((index, position) => [rows[index].row.id, spread[position]]));

	const partnershipIdsOf = new Map<string, string[]>();
	for (const partnership of partnerships) {
		for (const side of [partnership.french_organisation_id, partnership.foreign_organisation_id]) {
			if (!side) continue;
			const ids = partnershipIdsOf.get(side);
			if (ids) ids.push(partnership.id);
			else partnershipIdsOf.set(side, [partnership.id]);
		}
	}
	const organisations: MapOrganisation[] = rows.map(({ row, relation }, index) => ({
		id: row.id,
		name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en },
		kind: row.kind,
		countryCode: row.country_code,
		relation,
		regionName: row.region_name,
		latitude: located[index]?.latitude ?? null,
		longitude: located[index]?.longitude ?? null,
		approximate: located[index]?.approximate ?? false,
		point: points.get(row.id) ?? null,
		partnershipIds: partnershipIdsOf.get(row.id) ?? []
	}));

	const linesFrom = new Map<string, number>();
	const mapPartnerships: MapPartnership[] = partnerships.map((row) => {
		const from = points.get(row.french_organisation_id);
		let to = row.foreign_organisation_id ? points.get(row.foreign_organisation_id) : undefined;
		let toRegion: MapPoint | null = null;
		if (!row.foreign_organisation_id && row.foreign_region && row.foreign_country_code === 'KR') {
			const region = placeOfKoreanRegion(row.foreign_region);
			toRegion = region ? projectPoint('KR', region.latitude, region.longitude) : null;
			to = toRegion ?? undefined;
		}
		let line: string | null = null;
		if (from && to) {
			const rank = linesFrom.get(row.french_organisation_id) ?? 0;
			linesFrom.set(row.french_organisation_id, rank + 1);
			line = partnershipCurve(from, to, rank);
		}
		return {
			id: row.id,
			kind: row.kind,
			status: row.status,
			verified: Boolean(Number(row.verified)),
			frenchOrganisationId: row.french_organisation_id,
			foreignOrganisationId: row.foreign_organisation_id,
			foreignCountryCode: row.foreign_country_code,
			foreignRegion: row.foreign_region,
			line,
			toRegion
		};
	});

	return ok({
		group: { slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } },
		width: MAP_WIDTH,
		height: MAP_HEIGHT,
		outlines: mapOutlines(),
		organisations,
		partnerships: mapPartnerships,
		statuses: PARTNERSHIP_STATUSES
	});
}
