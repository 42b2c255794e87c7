import type { Migration } from './migration';

/**
 * Boundary sets (shared/domain/boundaries.ts): each imported from one file, with its
 * provenance and licence, and its areas, each a GeoJSON Polygon or MultiPolygon in
 * longitude/latitude with its bounding box, so that a map or a match by area code reads them
 * without parsing every geometry.
 */
export const createBoundaries: Migration = {
  version: 11,
  name: 'create boundary sets and their areas',
  up(db) {
    db.exec(`
      CREATE TABLE boundary_set (
        id INTEGER PRIMARY KEY,
        source_file_name TEXT NOT NULL CHECK (length(source_file_name) BETWEEN 1 AND 1000),
        -- A file is imported once: the same bytes under another name are the same boundaries.
        source_sha256 TEXT NOT NULL UNIQUE CHECK (length(source_sha256) = 64 AND source_sha256 NOT GLOB '*[^0-9a-f]*'),
        source_bytes INTEGER NOT NULL CHECK (source_bytes > 0),
        format TEXT NOT NULL CHECK (format IN ('geojson', 'topojson', 'shapefile')),
        -- The coordinate system the file was in; the stored geometry is always WGS84 longitude/latitude.
        source_crs TEXT NOT NULL CHECK (source_crs IN ('EPSG:4326', 'EPSG:27700')),
        code_field TEXT NOT NULL CHECK (length(code_field) BETWEEN 1 AND 200),
        name_field TEXT NOT NULL CHECK (length(name_field) BETWEEN 1 AND 200),
        level TEXT NOT NULL CHECK (level IN ('lsoa', 'ward', 'other')),
        -- The licence and attribution every map drawn from the set carries.
        attribution TEXT CHECK (length(attribution) BETWEEN 1 AND 5000),
        imported_at TEXT NOT NULL,
        west REAL NOT NULL CHECK (west BETWEEN -180 AND 180),
        south REAL NOT NULL CHECK (south BETWEEN -90 AND 90),
        east REAL NOT NULL CHECK (east BETWEEN -180 AND 180),
        north REAL NOT NULL CHECK (north BETWEEN -90 AND 90)
      ) STRICT;

      -- One row per area; an area's code is unique within its set. A rowid table, not WITHOUT
      -- ROWID: a geometry is kilobytes, far past the small rows WITHOUT ROWID suits.
      CREATE TABLE boundary_area (
        boundary_set_id INTEGER NOT NULL REFERENCES boundary_set (id) ON DELETE CASCADE,
        code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 100),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
        -- In the file's order, so that a set reads back as it was given.
        position INTEGER NOT NULL CHECK (position >= 1),
        -- GeoJSON Polygon or MultiPolygon, longitude/latitude, 6 decimals, RFC 7946 winding.
        geometry TEXT NOT NULL CHECK (json_valid(geometry) AND json_extract(geometry, '$.type') IN ('Polygon', 'MultiPolygon')),
        west REAL NOT NULL,
        south REAL NOT NULL,
        east REAL NOT NULL,
        north REAL NOT NULL,
        PRIMARY KEY (boundary_set_id, code),
        UNIQUE (boundary_set_id, position),
        CHECK (west <= east AND south <= north)
      ) STRICT;

      -- Figures are matched to areas by code (an LSOA code in a police.uk row) across sets.
      CREATE INDEX boundary_area_by_code ON boundary_area (code);
    `);
  },
};
