import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import frenchPlaces from '../directory/reference-data/french-places.json';
import koreanPlaces from '../directory/reference-data/korea-local-government-places.json';
import koreanGovernments from '../directory/reference-data/korea-local-governments.json';
import { findFrenchAuthorityByCode } from '../directory/reference-data/french-authorities';
import { metropolitanOnly } from './map-projection';
import { placeOfKoreanRegion, placeOfOfficialCode, placeOfOrganisation } from './places';

const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-10m.json') as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<MultiPolygon | Polygon>;
const country = (id: string) => countries.features.find((candidate) => String(candidate.id) === id)! as Feature<MultiPolygon | Polygon>;
const southKorea = country('410');
const france = metropolitanOnly(country('250'));

/** Great-circle distance in km, to say "within a few km". */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
	const radians = (degrees: number) => (degrees * Math.PI) / 180;
	const h =
		Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
		Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A point is "in" a coastal country if it is inside or within this many km of its outline (islands, coastal towns at 1:10m). */
function insideOrNear(shape: Feature<MultiPolygon | Polygon>, place: { latitude: number; longitude: number }): boolean {
	if (geoContains(shape, [place.longitude, place.latitude])) return true;
	// 3 km around: coastal centroids and town halls on a coarse coastline.
	const step = 0.03;
	return [-1, 0, 1].some((dx) => [-1, 0, 1].some((dy) => geoContains(shape, [place.longitude + dx * step, place.latitude + dy * step])));
}

describe('Korean local governments on the map', () => {
	const places = koreanPlaces.places as Record<string, { latitude: number; longitude: number; method: string }>;

	it('has a point for every code of the table of governments', () => {
		const codes = new Set(koreanGovernments.records.map((record) => record.code));
		expect([...codes].filter((code) => !places[code])).toEqual([]);
		expect(Object.keys(places).length).toBe(codes.size);
	});

	it('puts every point in South Korea', () => {
		// Ongjin-gun and Sinan-gun are mostly sea: their centroids may fall between islands.
		const offshore = new Set(['KR-28:ongjin-gun', 'KR-46:sinan-gun', 'KR-47:ulleung-gun']);
		const outside = Object.entries(places).filter(([code, place]) => !offshore.has(code) && !insideOrNear(southKorea, place));
		expect(outside.map(([code]) => code)).toEqual([]);
		for (const place of Object.values(places)) {
			expect(place.latitude).toBeGreaterThan(33);
			expect(place.latitude).toBeLessThan(38.7);
			expect(place.longitude).toBeGreaterThan(124.5);
			expect(place.longitude).toBeLessThan(131);
		}
	});

	it('puts known places where they are, to within a few km', () => {
		// Seoul City Hall 37.566 N 126.978 E; Busan City Hall 35.180 N 129.075 E; Guro-gu office 37.495 N 126.888 E.
		expect(distanceKm(placeOfOfficialCode('iso-3166-2', 'KR-11')!, { latitude: 37.566, longitude: 126.978 })).toBeLessThan(4);
		expect(distanceKm(placeOfOfficialCode('iso-3166-2', 'KR-26')!, { latitude: 35.18, longitude: 129.075 })).toBeLessThan(4);
		expect(distanceKm(placeOfOfficialCode('kr-local', 'KR-11:guro-gu')!, { latitude: 37.495, longitude: 126.888 })).toBeLessThan(5);
		// Yangpyeong-gun's office is at 37.492 N 127.488 E; the gun is large: its centroid is further.
		expect(distanceKm(placeOfOfficialCode('kr-local', 'KR-41:yangpyeong-gun')!, { latitude: 37.492, longitude: 127.488 })).toBeLessThan(15);
		// Codes are case-insensitive after the province, as the organisation form accepts them.
		expect(placeOfOfficialCode('kr-local', 'KR-11:Guro-gu')).toEqual(placeOfOfficialCode('kr-local', 'KR-11:guro-gu'));
	});

	it('finds a province from the way people write its name', () => {
		const gyeonggi = placeOfOfficialCode('iso-3166-2', 'KR-41');
		for (const name of ['Gyeonggi-do', '경기도', '경기', 'Province de Gyeonggi', 'KR-41', 'kr-41']) expect(placeOfKoreanRegion(name)).toEqual(gyeonggi);
		expect(placeOfKoreanRegion('Bavière')).toBeNull();
	});
});

describe('French authorities on the map', () => {
	const communes = frenchPlaces.communes as Record<string, { name: string; latitude: number; longitude: number }>;

	it('lists real INSEE codes under their official names', () => {
		for (const [code, entry] of Object.entries(communes)) {
			const authority = findFrenchAuthorityByCode(code);
			expect(authority, code).not.toBeNull();
			expect(authority!.officialName.toLowerCase(), code).toContain(entry.name.split(' ')[0].toLowerCase());
		}
	});

	it('puts metropolitan points in metropolitan France and overseas ones far from it', () => {
		for (const [code, entry] of Object.entries(communes)) {
			if (code.startsWith('97')) expect(insideOrNear(france, entry), code).toBe(false);
			else expect(insideOrNear(france, entry), `${code} ${entry.name}`).toBe(true);
		}
	});

	it('places communes, départements, régions and EPCI, saying when the point is a stand-in', () => {
		expect(placeOfOfficialCode('insee', '92040')).toEqual({ latitude: 48.824, longitude: 2.273, approximate: false });
		// Boulogne-Billancourt is not in the file: the chef-lieu of the Hauts-de-Seine (Nanterre) stands in.
		expect(placeOfOfficialCode('insee', '92012')).toEqual({ latitude: 48.892, longitude: 2.207, approximate: true });
		expect(placeOfOfficialCode('insee-departement', '2A')).toMatchObject({ latitude: 41.919, approximate: false });
		expect(placeOfOfficialCode('insee-region', '84')).toMatchObject({ latitude: 45.767, longitude: 4.836, approximate: false });
		// Nantes Métropole by SIREN: Nantes, its largest commune.
		expect(placeOfOfficialCode('siren', '244400404')).toEqual({ latitude: 47.218, longitude: -1.554, approximate: true });
		// Issy-les-Moulineaux by its SIREN.
		expect(placeOfOfficialCode('siren', '219200409')).toEqual({ latitude: 48.824, longitude: 2.273, approximate: false });
		expect(placeOfOfficialCode('insee', '99999')).toBeNull();
	});

	it('places organisations without a code by name, then by département', () => {
		const base = { officialCodeScheme: null, officialCode: null, departementCode: null, regionCode: null };
		expect(placeOfOrganisation({ ...base, countryCode: 'FR', nameFr: 'Cités Unies France' })).toMatchObject({ approximate: false });
		expect(placeOfOrganisation({ ...base, countryCode: 'FR', nameFr: 'Association X', departementCode: '37' })).toEqual({
			latitude: 47.394,
			longitude: 0.689,
			approximate: true
		});
		expect(placeOfOrganisation({ ...base, countryCode: 'JP', nameFr: 'Tokyo' })).toBeNull();
	});
});
