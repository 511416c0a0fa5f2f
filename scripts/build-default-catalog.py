#!/usr/bin/env python3
"""Converts the Bedrock fact files into deploycat's embedded default catalog.

Usage: scripts/build-default-catalog.py FACTS.json PRICES.json > Sources/CatalogStore/DefaultCatalog/default-catalog.json

The output is a catalog document in the same format `deploycat catalog apply -f` reads,
so the default catalog and hand-written catalog entries go through one code path.
"""
import json
import sys


def sorted_unique(values):
    return sorted(set(values or []))


def convert(facts, prices):
    regions = [
        {
            "code": r["code"],
            "name": r["name"],
            "partition": r["partition"],
            "bedrock": bool(r["bedrock"]),
        }
        for r in sorted(facts["regions"], key=lambda r: r["code"])
    ]
    region_codes = {r["code"] for r in regions}
    gov_regions = sorted(r["code"] for r in regions if r["partition"] == "aws-us-gov")

    geographies = []
    for g in sorted(facts["geographies"], key=lambda g: g["prefix"]):
        scope = "allCommercialRegions" if g["destinationScope"] == "ALL_COMMERCIAL_REGIONS" else "listedRegions"
        sources = g["sourceRegions"]
        destinations = g["destinationRegions"]
        if g["prefix"] == "us-gov" and sources is None and destinations is None:
            # No scanned listing covers GovCloud; its profiles route between the two GovCloud Regions.
            sources = destinations = gov_regions
        geographies.append({
            "prefix": g["prefix"],
            "name": g["name"],
            "partition": g["partition"],
            "scope": scope,
            "sourceRegions": sorted_unique(sources),
            "destinationRegions": sorted_unique(destinations),
        })

    models = []
    profiles = []
    for m in sorted(facts["models"], key=lambda m: m["id"]):
        dates = m.get("lifecycleDates") or {}
        model = {
            "id": m["id"],
            "provider": m["provider"],
            "name": m["name"],
            "inputModalities": sorted_unique(m["inputModalities"]),
            "outputModalities": sorted_unique(m["outputModalities"]),
            "inferenceTypes": sorted_unique(m["inferenceTypes"]),
            "lifecycle": m["lifecycle"],
            "legacyDate": dates.get("legacyTime"),
            "endOfLifeDate": dates.get("endOfLifeTime"),
            "regions": sorted_unique(m["regions"]),
        }
        models.append(model)
        for p in m["systemProfiles"]:
            by_source = p.get("destinationsBySource")
            if p["geography"] == "global":
                # The listing names a region-less model ARN plus the source Region; the geography's
                # scope (every commercial Region with Bedrock) gives the real destinations.
                routes = {s: [s] for s in (p["sourceRegions"] or [])}
            elif by_source:
                routes = {s: sorted_unique(d) for s, d in by_source.items()}
            else:
                routes = {s: sorted_unique(p["destinationRegions"]) for s in (p["sourceRegions"] or [])}
            profiles.append({
                "id": p["id"],
                "model": m["id"],
                "geography": p["geography"],
                "name": p["name"],
                "status": "listed" if p["listedInLatestSnapshot"] else "unlisted",
                "lastSeen": p.get("lastSeen"),
                "routes": {s: routes[s] for s in sorted(routes)},
            })

    for model in models:
        unknown = set(model["regions"]) - region_codes
        assert not unknown, (model["id"], unknown)
    for profile in profiles:
        for source, destinations in profile["routes"].items():
            unknown = ({source} | set(destinations)) - region_codes
            assert not unknown, (profile["id"], unknown)

    # Batch support comes from the price file alone (the facts file says nothing of it); a model
    # the price file does not list stays unknown (null), never guessed.
    batch_supported = {p["modelId"]: p.get("batchSupported") for p in prices["prices"]}
    for model in models:
        model["batch"] = batch_supported.get(model["id"])

    price_rows = []
    for p in sorted(prices["prices"], key=lambda p: p["modelId"]):
        row = {"modelId": p["modelId"], "inputPer1k": p["inputPer1k"], "outputPer1k": p["outputPer1k"]}
        for key in ("batchInputPer1k", "batchOutputPer1k"):
            if key in p:
                assert p.get("batchSupported") is not False, (p["modelId"], key)
                row[key] = p[key]
        price_rows.append(row)
    return {
        "regions": regions,
        "geographies": geographies,
        "models": models,
        "prices": price_rows,
        "profiles": sorted(profiles, key=lambda p: p["id"]),
    }


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        facts = json.load(f)
    with open(sys.argv[2]) as f:
        prices = json.load(f)
    json.dump(convert(facts, prices), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
