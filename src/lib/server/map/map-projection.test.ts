import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH, PANELS, mapOutlines, partnershipCurve, projectPlace, projectPoint } from './map-projection';
import { spreadCrowdedPoints } from './map.service';

const inside = (point: { x: number; y: number } | null, box: [[number, number], [number, number]]) =>
	point !== null && point.x >= box[0][0] && point.x <= box[1][0] && point.y >= box[0][1] && point.y <= box[1][1];

describe('the two panels', () => {
	it('puts Paris in the French panel and Seoul in the Korean one', () => {
		const paris = projectPoint('FR', 48.857, 2.352);
		const seoul = projectPoint('KR', 37.566, 126.978);
		expect(inside(paris, PANELS.FR.box)).toBe(true);
		expect(inside(seoul, PANELS.KR.box)).toBe(true);
		// North up, west left: Lille above Marseille, Brest left of Strasbourg, Seoul above Busan.
		expect(projectPoint('FR', 50.629, 3.057)!.y).toBeLessThan(projectPoint('FR', 43.296, 5.37)!.y);
		expect(projectPoint('FR', 48.39, -4.486)!.x).toBeLessThan(projectPoint('FR', 48.583, 7.746)!.x);
		expect(seoul!.y).toBeLessThan(projectPoint('KR', 35.18, 129.075)!.y);
		// Corsica and Jeju are drawn too.
		expect(inside(projectPoint('FR', 41.919, 8.738), PANELS.FR.box)).toBe(true);
		expect(inside(projectPoint('KR', 33.5, 126.53), PANELS.KR.box)).toBe(true);
	});

	it('leaves overseas France and places outside both countries off the map', () => {
		expect(projectPoint('FR', -20.882, 55.45)).toBeNull(); // Réunion
		expect(projectPoint('FR', 4.938, -52.326)).toBeNull(); // Guyane
		expect(projectPoint('KR', 35.68, 139.69)).toBeNull(); // Tokyo
		expect(projectPoint('JP', 35.68, 139.69)).toBeNull();
		expect(projectPlace(35.68, 139.69)).toBeNull();
	});

	it('chooses the panel by where the place is, not by the organisation’s country', () => {
		expect(projectPlace(48.857, 2.352)).toEqual(projectPoint('FR', 48.857, 2.352));
		expect(projectPlace(37.566, 126.978)).toEqual(projectPoint('KR', 37.566, 126.978));
		expect(projectPlace(-20.882, 55.45)).toBeNull();
	});

	it('draws only metropolitan France: its outline stays inside its panel, and both outlines are small', () => {
		const outlines = mapOutlines();
		for (const { outline, box } of outlines) {
			const numbers = [...outline.matchAll(/-?\d+(\.\d+)?/g)].map((match) => Number(match[0]));
			const xs = numbers.filter((_, index) => index % 2 === 0);
			const ys = numbers.filter((_, index) => index % 2 === 1);
			expect(Math.min(...xs)).toBeGreaterThanOrEqual(box[0][0] - 1);
			expect(Math.max(...xs)).toBeLessThanOrEqual(box[1][0] + 1);
			expect(Math.min(...ys)).toBeGreaterThanOrEqual(box[0][1] - 1);
			expect(Math.max(...ys)).toBeLessThanOrEqual(box[1][1] + 1);
		}
		const total = outlines.reduce((sum, { outline, neighbours }) => sum + outline.length + neighbours.length, 0);
		expect(total).toBeLessThan(40_000);
		expect(MAP_WIDTH).toBeGreaterThan(PANELS.KR.box[1][0]);
		expect(MAP_HEIGHT).toBeGreaterThanOrEqual(PANELS.FR.box[1][1]);
		// Cached: the same strings, not recomputed.
		expect(mapOutlines()[0].outline).toBe(outlines[0].outline);
	});

	it('draws a partnership as a curve arching above both ends, higher for each further line from one place', () => {
		const from = { x: 200, y: 200 };
		const to = { x: 700, y: 150 };
		expect(partnershipCurve(from, to)).toBe('M200,200Q450,90 700,150');
		expect(partnershipCurve(from, to, 2)).toBe('M200,200Q450,54 700,150');
	});
});

describe('crowded points', () => {
	it('spreads points that would cover each other, and leaves lone points where they are', () => {
		const points = [
			{ x: 100, y: 100 },
			{ x: 101, y: 100 },
			{ x: 100, y: 102 },
			{ x: 300, y: 300 }
		];
		const spread = spreadCrowdedPoints(points);
		expect(spread[3]).toEqual({ x: 300, y: 300 });
		for (let a = 0; a < 3; a++) {
			for (let b = a + 1; b < 3; b++) expect(Math.hypot(spread[a].x - spread[b].x, spread[a].y - spread[b].y)).toBeGreaterThan(8);
			expect(Math.hypot(spread[a].x - 100.3, spread[a].y - 100.7)).toBeLessThan(12);
		}
	});

	it('spreads a large crowd on a compact spiral, quickly', () => {
		const crowd = Array.from({ length: 5000 }, (_, index) => ({ x: 200 + (index % 7) * 0.1, y: 150 + (index % 5) * 0.1 }));
		const started = performance.now();
		const spread = spreadCrowdedPoints(crowd);
		expect(performance.now() - started).toBeLessThan(500);
		const farthest = Math.max(...spread.map((point) => Math.hypot(point.x - 200.3, point.y - 150.2)));
		// 0.6 × 9 × √5000 ≈ 382: bounded by the square root of the crowd, not its size.
		expect(farthest).toBeLessThan(400);
		const distinct = new Set(spread.map((point) => `${point.x},${point.y}`));
		expect(distinct.size).toBe(5000);
	});
});
