/**
 * Which stations an alert's area covers (CAP 1.2 §3.3.2): a station is in the area when its
 * configured coordinates lie inside one of the polygons ("lat,lon lat,lon …", WGS 84, closed)
 * or within one of the circles ("lat,lon radius_km"), or when one of its configured geocodes
 * matches (valueName and value). A commune is a few km across: a station's point is enough.
 */
import type { CapArea } from './parse.js';

export interface StationPlace {
  lat: number;
  lon: number;
  geocodes: Array<{ valueName: string; value: string }>;
}

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

function points(polygon: string): Array<[number, number]> {
  return polygon
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
}

/** Ray casting on lat/lon (fine at commune scale, away from the poles and the antimeridian). */
export function inPolygon(lat: number, lon: number, polygon: string): boolean {
  const pts = points(polygon);
  if (pts.length < 4) return false; // CAP: at least 4 pairs, first = last
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [yi, xi] = pts[i] as [number, number];
    const [yj, xj] = pts[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

export function inCircle(lat: number, lon: number, circle: string): boolean {
  const m = /^\s*(-?[\d.]+),(-?[\d.]+)\s+([\d.]+)\s*$/.exec(circle);
  if (!m) return false;
  return distanceKm(lat, lon, Number(m[1]), Number(m[2])) <= Number(m[3]);
}

export function covers(area: CapArea, place: StationPlace): boolean {
  return (
    area.polygon.some((p) => inPolygon(place.lat, place.lon, p)) ||
    area.circle.some((c) => inCircle(place.lat, place.lon, c)) ||
    area.geocode.some((g) => place.geocodes.some((s) => s.valueName === g.valueName && s.value === g.value))
  );
}

export function stationsIn(areas: CapArea[], places: Record<string, StationPlace>): string[] {
  return Object.entries(places)
    .filter(([, p]) => areas.some((a) => covers(a, p)))
    .map(([id]) => id)
    .sort();
}
