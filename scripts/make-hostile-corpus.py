#!/usr/bin/env python3
"""Writes the hostile-input corpus: Tests/Corpus/hostile/READER/NNN-what.EXT, malformed or
hostile inputs for each reader that `deploycat` must refuse with a clear message, quickly, in
bounded memory and without touching the database (HostileInputTests runs them). Deterministic:
running it again rewrites the same bytes. Inputs over 100 KB are not written here: the test
makes them (HostileInputs.generated). Findings of scripts/fuzz.sh (fuzz-*) are kept as they are.

    python3 scripts/make-hostile-corpus.py
"""
import gzip
import io
import json
import os
import shutil

CORPUS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Corpus"))
ROOT = os.path.join(CORPUS, "hostile")
ACCEPTED_ROOT = os.path.join(CORPUS, "accepted")

SPEC = """name: hostile-app
team: platform
pattern: lambda-bedrock-inference-profile
regions: [us-east-1]
tags:
  cost-center: CX-1042
  product: hostile
properties:
  bedrockModelId: anthropic.claude-haiku-4-5-20251001-v1:0
  lambdaFunctionProps:
    handler: index.handler
    code: { inline: "exports.handler = async () => 1;" }
"""

CATALOG = """models:
  - id: amazon.nova-pro-v1:0
    batch: true
prices:
  - modelId: amazon.nova-pro-v1:0
    inputPer1k: 0.0008
    outputPer1k: 0.0032
"""

MODELS = {"modelSummaries": [{
    "modelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
    "modelId": "amazon.nova-pro-v1:0", "modelName": "Nova Pro", "providerName": "Amazon",
    "inputModalities": ["TEXT"], "outputModalities": ["TEXT"],
    "inferenceTypesSupported": ["INFERENCE_PROFILE"], "modelLifecycle": {"status": "ACTIVE"}}]}

PROFILES = {"inferenceProfileSummaries": [{
    "inferenceProfileName": "US Nova Pro", "description": "Routes requests to Nova Pro",
    "inferenceProfileArn": "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
    "models": [{"modelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"},
               {"modelArn": "arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0"}],
    "inferenceProfileId": "us.amazon.nova-pro-v1:0", "status": "ACTIVE", "type": "SYSTEM_DEFINED"}]}

POLICY = {"tags": {"cost-center": {"tag_key": {"@@assign": "cost-center"},
                                   "tag_value": {"@@assign": ["CX-*"]},
                                   "enforced_for": {"@@assign": ["bedrock:application-inference-profile"]}}}}

CUR2_HEADER = ("bill_payer_account_id,identity_line_item_id,line_item_usage_start_date,line_item_product_code,"
               "line_item_usage_type,line_item_resource_id,line_item_unblended_cost,resource_tags")
CUR2_ROW = ("123456789012,c2-0000,2025-01-03T00:00:00.000Z,AmazonBedrock,USE1-ClaudeHaiku4.5-input-tokens,"
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k2x9q4mzt7ab,0.5000000000,{}")
CUR_HEADER = ("bill/PayerAccountId,identity/LineItemId,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,"
              "lineItem/ResourceId,lineItem/UnblendedCost,resourceTags/user:CostCenter")
CUR_ROW = ("123456789012,li-0000,2025-01-03T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,"
           "arn:aws:lambda:us-east-1:123456789012:function:x,0.25,CX-1042")
FOCUS_HEADER = "BilledCost,BillingAccountId,ChargePeriodStart,ResourceId,ServiceName,Tags,x_UsageType,x_ServiceCode"
FOCUS_ROW = "0.5,123456789012,2025-01-03 00:00:00,arn:aws:lambda:us-east-1:1:function:x,Amazon Bedrock,{},USE1-x,AmazonBedrock"

SQL = "'; DROP TABLE app; --"
FORMULA = "=cmd|' /C calc'!A0"
LAUGHS = "".join(["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"] + [
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)])


def bomb(width, depth, key="x"):
    """A document whose aliases stand for width**depth values."""
    lines = [f"l0: &l0 [" + ",".join(['"lol"'] * width) + "]"]
    for level in range(1, depth + 1):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + f"\n{key}: *l{depth}\n"


def spec_with(old, new):
    assert old in SPEC, old
    return SPEC.replace(old, new, 1)


def catalog_with(old, new):
    assert old in CATALOG, old
    return CATALOG.replace(old, new, 1)


def spec_cases():
    c = []
    add = lambda name, text, ext="yaml": c.append((name, ext, text))
    add("yaml-unclosed-flow-list", spec_with("[us-east-1]", "[us-east-1"))
    add("yaml-tab-indentation", spec_with("  cost-center", "\tcost-center"))
    add("yaml-bad-indentation", spec_with("    handler", "   handler"))
    add("yaml-unclosed-quote", spec_with("index.handler", '"index.handler'))
    add("yaml-duplicate-key", SPEC + "team: other\n")
    add("yaml-undefined-alias", SPEC + "stage: *nowhere\n")
    add("yaml-billion-laughs", LAUGHS + SPEC)
    add("yaml-bomb-wide", bomb(100, 4) + SPEC)
    add("yaml-bomb-deep", bomb(2, 40) + SPEC)
    add("yaml-bomb-in-tags", SPEC.replace("tags:\n", "tags: *l9\nignored:\n").replace("name:", bomb(5, 9).rstrip().replace("x: *l9", "") + "\nname:", 1))
    add("yaml-bomb-as-key", bomb(10, 7, key="y") + SPEC.replace("stage:", "x:") + "? *l7\n: v\n")
    add("yaml-bomb-many-documents", "\n---\n".join([bomb(10, 5)] * 5))
    add("yaml-deep-flow-nesting", "name: " + "[" * 5000 + "]" * 5000 + "\n")
    add("yaml-deep-block-nesting", "".join(" " * i + f"k{i}:\n" for i in range(400)))
    add("yaml-deep-map-nesting", "name: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n")
    add("yaml-unknown-tag", spec_with("name: hostile-app", "name: !!python/object:os.system hostile-app"))
    add("yaml-binary-tag", spec_with("name: hostile-app", "name: !!binary aGVsbG8="))
    add("yaml-directive-only", "%YAML 1.2\n---\n")
    add("yaml-only-comment", "# nothing here\n")
    add("yaml-document-end-only", "...\n")
    add("yaml-scalar-document", "just text\n")
    add("yaml-list-document", "- a\n- b\n")
    add("yaml-null-document", "~\n")
    add("json-trailing-comma", json.dumps({"name": "x", "team": "t"})[:-1] + ",}", "json")
    add("json-unclosed-object", '{"name": "hostile-app", "team": "platform"', "json")
    add("json-single-quotes", "{'name': 'hostile-app'}", "json")
    add("json-comments", '{"name": "hostile-app" /* c */}', "json")
    add("json-deep-arrays", "[" * 5000 + "]" * 5000, "json")
    add("json-deep-objects", '{"a":' * 5000 + "1" + "}" * 5000, "json")
    add("json-unclosed-deep", "[" * 50000, "json")
    add("json-number-overflow", '{"name": "hostile-app", "usage": {"requestsPerMonth": 1e999999}}', "json")
    add("json-huge-integer", '{"name": "hostile-app", "usage": {"requestsPerMonth": ' + "9" * 5000 + "}}", "json")
    add("json-list-of-garbage", '[1, "two", null, true, {}]', "json")
    add("json-bad-escape", '{"name": "\\q"}', "json")
    add("json-lone-surrogate", '{"name": "\\ud800", "team": "platform"}', "json")
    add("json-nul-escape-in-name", '{"name": "hostile\\u0000app", "team": "platform"}', "json")
    add("nul-byte-in-name", spec_with("hostile-app", "hostile\x00app"))
    add("nul-bytes-only", "\x00" * 64)
    add("invalid-utf8-in-name", spec_with("hostile-app", "hostile-\xff\xfe-app").encode("latin-1"))
    add("invalid-utf8-overlong", SPEC.encode() + b"stage: \xc0\xaf\n")
    add("invalid-utf8-truncated", SPEC.encode() + b"stage: \xe2\x82\n")
    add("utf16-bom", "\ufeff".encode("utf-16-le") + SPEC.encode("utf-16-le"))
    add("binary-garbage", bytes((i * 37 + 11) % 256 for i in range(4096)))
    add("gzip-instead-of-yaml", gzip.compress(SPEC.encode(), mtime=0))
    add("empty", "")
    add("blank-lines", "\n\n   \n\t\n")
    add("sql-in-name", spec_with("name: hostile-app", f'name: "{SQL}"'))
    add("sql-in-team", spec_with("team: platform", f'team: "{SQL}"'))
    add("sql-in-region", spec_with("[us-east-1]", f'["us-east-1\'; DELETE FROM app; --"]'))
    add("sql-in-model", spec_with("anthropic.claude-haiku-4-5-20251001-v1:0", "x'); DROP TABLE template; --"))
    add("quotes-in-name", spec_with("name: hostile-app", 'name: "a\\"b\'c`d"'))
    add("formula-tag-value", spec_with("CX-1042", f'"{FORMULA}"'))
    add("formula-name", spec_with("name: hostile-app", 'name: "=1+2"'))
    add("formula-team", spec_with("team: platform", 'team: "@SUM(1+1)*cmd|\' /C calc\'!A0"'))
    add("tag-key-reserved-aws", spec_with("product: hostile", "aws:created-by: me"))
    add("tag-key-reserved-deploycat", spec_with("product: hostile", "deploycat:app: other"))
    add("tag-key-too-long", spec_with("product: hostile", "k" * 129 + ": v"))
    add("tag-value-too-long", spec_with("product: hostile", "product: " + "v" * 257))
    add("tag-value-newline", spec_with("product: hostile", 'product: "line\\nbreak"'))
    add("too-many-tags", spec_with("  product: hostile\n", "".join(f"  k{i}: v\n" for i in range(60))))
    add("unknown-pattern", spec_with("lambda-bedrock-inference-profile", "lambda-bedrock-quantum"))
    add("unknown-region", spec_with("[us-east-1]", "[us-east-9]"))
    add("unknown-keys-everywhere", SPEC.replace("tags:", "tgas:").replace("handler: index.handler", "hadnler: x") + "extra: 1\n")
    add("wrong-types", spec_with("[us-east-1]", "{a: 1}").replace("team: platform", "team: [a, b]"))
    add("name-too-long", spec_with("hostile-app", "a" * 64))
    add("name-uppercase-unicode", spec_with("hostile-app", "Hóstile-Äpp"))
    add("name-control-characters", spec_with("name: hostile-app", 'name: "hostile\\u0007\\u001b[31mapp"'))
    add("name-right-to-left-override", spec_with("hostile-app", "hostile\u202eppa"))
    add("usage-negative", SPEC + "usage: { requestsPerMonth: -5, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }\n")
    add("usage-nan-infinity", SPEC + "usage: { requestsPerMonth: .nan, inputTokensPerRequest: .inf, outputTokensPerRequest: 1e400 }\n")
    add("usage-oversized", SPEC + "usage: { requestsPerMonth: 99999999999999999999999, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }\n")
    add("memory-oversized", spec_with("handler: index.handler", "handler: index.handler\n    memorySize: 99999999999"))
    add("duplicate-app-two-documents", SPEC + "---\n" + SPEC)
    add("conflicting-regions-twice", spec_with("[us-east-1]", "[us-east-1, us-east-1]"))
    add("profile-id-as-model", spec_with("anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0"))
    add("path-traversal-name", spec_with("name: hostile-app", 'name: "../../etc/passwd"'))
    add("many-documents-all-bad", "\n---\n".join(f"name: Bad{i}\n" for i in range(300)))
    add("long-line-no-newline", "name: " + "x" * 90000)
    return c


def catalog_cases():
    c = []
    add = lambda name, text, ext="yaml": c.append((name, ext, text))
    add("yaml-unclosed-list", catalog_with("  - id: amazon.nova-pro-v1:0", "  - id: [amazon.nova-pro-v1:0"))
    add("yaml-billion-laughs", LAUGHS + CATALOG)
    add("yaml-bomb-in-models", bomb(10, 8).replace("x: *l8", "") + "models: *l8\n")
    add("yaml-bomb-as-map", "base: &b {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n"
        + "".join(f"m{i}: &m{i} [" + ",".join([f"*{'b' if i == 0 else 'm' + str(i - 1)}"] * 10) + "]\n" for i in range(8))
        + "models: *m7\n")
    add("yaml-deep-flow", "models: " + "[" * 8000 + "]" * 8000 + "\n")
    add("yaml-deep-block", "".join(" " * i + "-\n" for i in range(440)))
    add("yaml-two-documents", CATALOG + "---\n" + CATALOG)
    add("yaml-duplicate-key", CATALOG + "models: []\n")
    add("yaml-scalar", "models\n")
    add("json-trailing-comma-bad-id", '{"models": [{"id": "Nova Pro"},]}', "json")
    add("json-deep", '{"models":' + "[" * 20000 + "]" * 20000 + "}", "json")
    add("json-truncated", json.dumps({"models": [{"id": "amazon.nova-pro-v1:0"}]})[:-5], "json")
    add("json-nul-escape-id", '{"models": [{"id": "amazon.nova\\u0000-pro-v1:0"}]}', "json")
    add("nul-byte", CATALOG.replace("batch", "ba\x00tch"))
    add("invalid-utf8", CATALOG.encode() + b"regions: [\xff]\n")
    add("binary", bytes((i * 91 + 7) % 256 for i in range(2048)))
    add("empty", "")
    add("no-entries", "{}\n")
    add("unknown-top-key", CATALOG + "modles: []\n")
    add("unknown-model-key", catalog_with("    batch: true", "    bacth: true\n    lifecyle: LEGACY"))
    add("sql-in-model-id", catalog_with("  - id: amazon.nova-pro-v1:0", f'  - id: "{SQL}"'))
    add("sql-in-region-code", "regions:\n  - code: \"us-east-1'; DROP TABLE region; --\"\n    name: x\n    partition: aws\n    bedrock: true\n")
    add("formula-model-id", catalog_with("  - id: amazon.nova-pro-v1:0", '  - id: "=HYPERLINK(\\"http://x\\")"'))
    add("quotes-in-names", "regions:\n  - code: \"a\\\"b'c\"\n    name: \"'\\\"\"\n    partition: aws\n    bedrock: true\n")
    add("price-negative", catalog_with("0.0008", "-1"))
    add("price-huge", catalog_with("0.0008", "1e308"))
    add("price-infinite", catalog_with("0.0008", ".inf"))
    add("price-nan", catalog_with("0.0008", ".nan"))
    add("price-as-text", catalog_with("0.0008", "cheap"))
    add("price-batch-on-non-batch-model", CATALOG.replace("batch: true", "batch: false") + "    batchInputPer1k: 0.1\n")
    add("price-unknown-model", catalog_with("modelId: amazon.nova-pro-v1:0", "modelId: amazon.nova-ultra-v9:0"))
    add("lifecycle-unknown", catalog_with("    batch: true", "    lifecycle: ZOMBIE"))
    add("date-invalid", catalog_with("    batch: true", "    lifecycle: LEGACY\n    legacyDate: 2026-02-30"))
    add("region-unknown-partition", "regions:\n  - code: xx-west-1\n    name: X\n    partition: mars\n    bedrock: true\n")
    add("region-bad-code", "regions:\n  - code: US EAST 1\n    name: X\n    partition: aws\n    bedrock: true\n")
    add("profile-unknown-region", "profiles:\n  - id: us.amazon.nova-pro-v1:0\n    routes:\n      us-east-9: [us-east-1]\n")
    add("profile-bad-id", "profiles:\n  - id: \"not a profile\"\n    routes:\n      us-east-1: [us-east-1]\n")
    add("geography-bad-prefix", "geographies:\n  - prefix: \"../../\"\n    sourceRegions: [us-east-1]\n")
    add("sagemaker-bad-name", "sagemakerModels:\n  - name: \"bad name; rm -rf /\"\n    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1\n")
    add("sagemaker-bad-image", "sagemakerModels:\n  - name: churn\n    image: \"=cmd|' /C calc'!A0\"\n")
    add("sagemaker-name-too-long", "sagemakerModels:\n  - name: " + "a" * 64 + "\n    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1\n")
    add("model-id-too-long", catalog_with("  - id: amazon.nova-pro-v1:0", "  - id: amazon." + "n" * 200))
    add("huge-list-of-bad-ids", "models:\n" + "".join(f"  - id: \"BAD {i}\"\n" for i in range(3000)))
    add("wrong-shape-list", "- models\n- prices\n")
    return c


def listing_cases(kind):
    base = MODELS if kind == "models" else PROFILES
    top = "modelSummaries" if kind == "models" else "inferenceProfileSummaries"
    item = base[top][0]
    c = []
    add = lambda name, text, ext="json": c.append((name, ext, text if isinstance(text, (bytes, str)) else json.dumps(text)))
    def with_item(**changes):
        changed = dict(item)
        changed.update(changes)
        return {top: [changed]}
    add("truncated", json.dumps(base)[:-7])
    add("trailing-comma", json.dumps(base)[:-2] + ",]}")
    add("wrong-top-key", {"summaries": base[top]})
    add("top-is-list", base[top])
    add("items-not-objects", {top: ["a", 1, None]})
    add("deep-nesting", "{\"" + top + "\":" + "[" * 30000 + "]" * 30000 + "}")
    add("deep-unclosed", "{\"" + top + "\":" + "[{\"x\":" * 15000)
    add("nul-byte", json.dumps(base).replace("Amazon" if kind == "models" else "US", "Ama\x00zon", 1))
    add("nul-escape", json.dumps(base).replace("Amazon" if kind == "models" else "US Nova", "Ama\\u0000zon", 1))
    add("invalid-utf8", json.dumps(base).encode()[:-2] + b"\xff\xfe]}")
    add("utf16", json.dumps(base).encode("utf-16"))
    add("binary", bytes((i * 53 + 3) % 256 for i in range(3000)))
    add("empty", "")
    add("yaml-bomb", bomb(10, 9, key=top))
    add("yaml-billion-laughs", LAUGHS + top + ": *i\n", "yaml")
    add("number-as-string", json.dumps(base).replace("true", '"yes"') if kind == "models" else json.dumps(with_item(models="x")))
    add("huge-integer-field", "{\"" + top + "\": [{\"modelId\": " + "1" * 20000 + "}]}")
    add("next-token-with-prune-free", {top: [], "nextToken": ["not", "text"]})
    add("duplicate-keys", "{\"" + top + "\": [], \"" + top + "\": {}}")
    add("bom-then-json", b"\xef\xbb\xbf" + json.dumps(base).encode() + b"\xef\xbb\xbf")
    add("lone-surrogate", json.dumps(base).replace("\"Amazon\"" if kind == "models" else "\"US Nova Pro\"", "\"\\udc00\""))
    if kind == "models":
        add("sql-model-id", with_item(modelId=SQL, modelArn="arn:aws:bedrock:us-east-1::foundation-model/" + SQL))
        add("formula-model-id", with_item(modelId=FORMULA))
        add("model-id-uppercase", with_item(modelId="Amazon.Nova-Pro"))
        add("model-id-too-long", with_item(modelId="amazon." + "a" * 300))
        add("arn-other-region", with_item(modelArn="arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0"))
        add("arn-garbage", with_item(modelArn="'; DROP TABLE model; --"))
        add("lifecycle-unknown", with_item(modelLifecycle={"status": "UNDEAD"}))
        add("lifecycle-wrong-type", with_item(modelLifecycle="ACTIVE"))
        add("modalities-not-list", with_item(inputModalities="TEXT"))
        add("modality-unknown", with_item(outputModalities=["SMELL"]))
        add("inference-types-null", with_item(inferenceTypesSupported=[None]))
        add("missing-model-id", {top: [{k: v for k, v in item.items() if k != "modelId"}]})
        add("duplicate-models", {top: [item, item]})
        add("newline-in-id", with_item(modelId="amazon.nova\n-pro"))
    else:
        add("sql-profile-id", with_item(inferenceProfileId=SQL))
        add("formula-profile-id", with_item(inferenceProfileId=FORMULA))
        add("profile-id-no-geography", with_item(inferenceProfileId="amazon.nova-pro-v1:0"))
        add("profile-id-unknown-geography", with_item(inferenceProfileId="mars.amazon.nova-pro-v1:0"))
        add("models-not-list", with_item(models={"modelArn": "x"}))
        add("model-arn-garbage", with_item(models=[{"modelArn": "=1+2"}]))
        add("model-arn-unknown-region", with_item(models=[{"modelArn": "arn:aws:bedrock:us-east-9::foundation-model/amazon.nova-pro-v1:0"}]))
        add("models-empty", with_item(models=[]))
        add("status-unknown", with_item(status="PENDING; DROP"))
        add("type-application", with_item(type="APPLICATION"))
        add("missing-id", {top: [{k: v for k, v in item.items() if k != "inferenceProfileId"}]})
        add("duplicate-profiles", {top: [item, dict(item, models=[])]})
        add("id-arn-mismatch", with_item(inferenceProfileArn="arn:aws:bedrock:us-east-1:1:inference-profile/eu.other"))
        add("newline-in-id", with_item(inferenceProfileId="us.amazon\n.nova"))
    return c


def policy_cases():
    c = []
    add = lambda name, text, ext="json": c.append((name, ext, text if isinstance(text, (bytes, str)) else json.dumps(text)))
    entry = POLICY["tags"]["cost-center"]
    def with_entry(**changes):
        changed = dict(entry)
        changed.update(changes)
        return {"tags": {"cost-center": changed}}
    add("truncated", json.dumps(POLICY)[:-3])
    add("not-json", "tags: {}\n")
    add("yaml-bomb", bomb(10, 9, key="tags"))
    add("deep-nesting", '{"tags":' + "[" * 40000 + "]" * 40000 + "}")
    add("deep-objects", '{"tags":' + '{"a":' * 15000 + "1" + "}" * 15000 + "}")
    add("deep-unclosed", '{"tags":' + '{"a":[' * 15000)
    add("nul-byte", json.dumps(POLICY).replace("cost-center", "cost\x00center", 1))
    add("nul-escape-key", json.dumps(POLICY).replace("cost-center", "cost\\u0000center"))
    add("invalid-utf8", json.dumps(POLICY).encode().replace(b"CX-*", b"CX-\xff*"))
    add("binary", bytes((i * 29 + 1) % 256 for i in range(1500)))
    add("empty", "")
    add("top-is-list", [POLICY])
    add("tags-not-object", {"tags": ["cost-center"]})
    add("entry-not-object", {"tags": {"cost-center": "yes"}})
    add("unknown-entry-field", with_entry(tag_kye={"@@assign": "x"}))
    add("unknown-operator", with_entry(tag_value={"@@replace": ["CX-*"]}))
    add("inheritance-operator", with_entry(tag_value={"@@append": ["CX-*"]}))
    add("tag-key-mismatch", with_entry(tag_key={"@@assign": "Cost-Centre"}))
    add("tag-key-reserved", {"tags": {"aws:x": {"tag_key": {"@@assign": "aws:x"}}}})
    add("tag-key-too-long", {"tags": {"k" * 129: {"tag_key": {"@@assign": "k" * 129}}}})
    add("tag-key-sql", {"tags": {SQL: {"tag_key": {"@@assign": SQL}}}})
    add("value-formula", with_entry(tag_value={"@@assign": [FORMULA]}))
    add("value-two-wildcards", with_entry(tag_value={"@@assign": ["CX-*-*"]}))
    add("value-too-long", with_entry(tag_value={"@@assign": ["v" * 300]}))
    add("value-not-list", with_entry(tag_value={"@@assign": 42}))
    add("values-many-bad", with_entry(tag_value={"@@assign": [f"bad|{i}" for i in range(500)]}))
    add("enforced-for-unknown", with_entry(enforced_for={"@@assign": ["mars:rover", "=1+2"]}))
    add("required-not-bool", with_entry(required="yes"))
    add("duplicate-keys-case", {"tags": {"costcenter": {"tag_key": {"@@assign": "CostCenter"}},
                                          "CostCenter": {"tag_key": {"@@assign": "costcenter"}}}})
    add("number-overflow", '{"tags": {"a": {"tag_key": {"@@assign": 1e99999}}}}')
    add("huge-integer", '{"tags": {"a": {"required": ' + "1" * 10000 + "}}}")
    add("lone-surrogate", '{"tags": {"\\ud800": {"tag_key": {"@@assign": "\\ud800"}}}}')
    return c


def csv_text(*lines):
    return "\n".join(lines) + "\n"


def billing_cases():
    c = []
    add = lambda name, text, ext="csv": c.append((name, ext, text))
    add("empty", "")
    add("header-only-blank", "\n\n\n")
    add("binary", bytes((i * 71 + 5) % 256 for i in range(5000)))
    add("nul-in-header", CUR2_HEADER.replace("resource_tags", "resource\x00tags") + "\n" + CUR2_ROW + "\n")
    add("invalid-utf8-header", (CUR2_HEADER + "\n").encode().replace(b"resource_tags", b"resource_\xfftags") + CUR2_ROW.encode())
    add("utf16-export", csv_text(CUR2_HEADER, CUR2_ROW).encode("utf-16"))
    add("unknown-header", csv_text("a,b,c", "1,2,3"))
    add("one-column", csv_text("hello", "world"))
    add("json-not-csv", json.dumps(MODELS))
    add("yaml-bomb-not-csv", bomb(10, 9))
    add("ragged-short-row", csv_text(CUR2_HEADER, CUR2_ROW, "123456789012,c2-1,2025-01-03T00:00:00.000Z"))
    add("ragged-long-row", csv_text(CUR2_HEADER, CUR2_ROW + ",extra,columns,here"))
    add("ragged-every-row", csv_text(CUR2_HEADER, *[",".join(["x"] * (i % 7)) for i in range(1, 200)]))
    add("unclosed-quote", csv_text(CUR2_HEADER, CUR2_ROW.replace(",0.5000000000,", ',"0.5,'), CUR2_ROW))
    add("quote-mid-field", csv_text(CUR2_HEADER, CUR2_ROW.replace("c2-0000", 'c2"0000"x')))
    add("bad-cost", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", "half a dollar")))
    add("cost-formula", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", FORMULA.replace("'", '"'))))
    add("cost-nan", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", "NaN")))
    add("cost-infinite", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", "1e999")))
    add("cost-huge", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", "9" * 400)))
    add("cost-sql", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", "0; DROP TABLE billingLineItem")))
    add("bad-date", csv_text(CUR2_HEADER, CUR2_ROW.replace("2025-01-03T00:00:00.000Z", "yesterday")))
    add("date-out-of-range", csv_text(CUR2_HEADER, CUR2_ROW.replace("2025-01-03", "99999-13-45")))
    add("date-feb-30", csv_text(CUR2_HEADER, CUR2_ROW.replace("2025-01-03", "2025-02-30")))
    add("bad-tag-map", csv_text(CUR2_HEADER, CUR2_ROW[:-2] + '"{not json"'))
    add("tag-map-deep", csv_text(CUR2_HEADER, CUR2_ROW[:-2] + '"' + ("[" * 20000 + "]" * 20000) + '"'))
    add("tag-map-bomb-like", csv_text(CUR2_HEADER, CUR2_ROW[:-2] + '"' + ('{""a"":' * 5000 + "1" + "}" * 5000) + '"'))
    add("many-bad-rows", csv_text(CUR2_HEADER, *[CUR2_ROW.replace("c2-0000", f"c2-{i}").replace("0.5000000000", f"x{i}")
                                                 for i in range(100)]))
    add("cur-bad-cost", csv_text(CUR_HEADER, CUR_ROW.replace("0.25", "=1+2")))
    add("cur-ragged", csv_text(CUR_HEADER, CUR_ROW, "123456789012,li-1"))
    add("focus-bad-date", csv_text(FOCUS_HEADER, FOCUS_ROW.replace("2025-01-03 00:00:00", "@now")))
    add("focus-bad-cost", csv_text(FOCUS_HEADER, FOCUS_ROW.replace("0.5,", "-cmd,", 1)))
    add("focus-ragged", csv_text(FOCUS_HEADER, FOCUS_ROW + ",x,y"))
    add("gzip-truncated", gzip.compress(csv_text(CUR2_HEADER, *[CUR2_ROW] * 50).encode(), mtime=0)[:200])
    add("gzip-corrupt", gzip.compress(csv_text(CUR2_HEADER, CUR2_ROW).encode(), mtime=0)[:10] + b"\x00" * 64)
    add("gzip-of-binary", gzip.compress(bytes((i * 13) % 256 for i in range(10000)), mtime=0))
    add("gzip-magic-only", b"\x1f\x8b")
    add("gzip-bomb-one-line", gzip.compress(b"a" * (40 << 20), compresslevel=9, mtime=0))
    add("gzip-bomb-unclosed-quote", gzip.compress((CUR2_HEADER + "\n\"").encode() + b"b" * (40 << 20), compresslevel=9, mtime=0))
    add("gzip-nested", gzip.compress(gzip.compress(csv_text(CUR2_HEADER, CUR2_ROW).encode(), mtime=0), mtime=0))
    add("bom-and-crlf-ragged", ("\ufeff" + CUR2_HEADER + "\r\n" + CUR2_ROW + ",x\r\n").encode())
    add("header-sql-names", csv_text(SQL + "," + FORMULA, "1,2"))
    add("only-quotes", '"' * 5001)
    add("nul-in-row", csv_text(CUR2_HEADER, CUR2_ROW.replace("0.5000000000", "0.5\x00")))
    tags = json.dumps({"user_cost_center": FORMULA, "user_product": "@SUM(A1:A9)", "user_owner": "-2+3",
                       "user_deploycat_app": SQL}).replace('"', '""')
    add("formula-and-sql-values", csv_text(CUR2_HEADER, CUR2_ROW.replace(",{}", f',"{tags}"')
                                           .replace("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k2x9q4mzt7ab",
                                                    '"=HYPERLINK(""http://x"")"'),
                                           CUR2_ROW.replace("c2-0000", "c2-0001").replace("0.5000000000", "-12.50")))
    return c


def options_cases():
    """Argument lists (one a line) that conflict or name what does not exist; FILE stands for a valid file."""
    return [
        ("resolve-single-region-and-geo", ["catalog", "resolve", "amazon.nova-pro-v1:0", "--region", "us-east-1",
                                           "--single-region", "--geo", "us"]),
        ("apply-no-file", ["apply"]),
        ("apply-missing-file", ["apply", "-f", "/nonexistent/spec.yaml"]),
        ("apply-folder-of-nothing", ["apply", "-f", "/proc/self/fdinfo"]),
        ("apply-stdin-twice", ["apply", "-f", "-", "-f", "-"]),
        ("import-models-no-region", ["catalog", "import-models", "FILE"]),
        ("import-models-sql-region", ["catalog", "import-models", "FILE", "--region", SQL]),
        ("import-profiles-formula-region", ["catalog", "import-profiles", "FILE", "--region", FORMULA]),
        ("cost-report-bad-month", ["cost", "report", "--month", "2025-13"]),
        ("cost-report-sql-key", ["cost", "report", "--by", SQL]),
        ("cost-import-folder", ["cost", "import", "/tmp"]),
        ("cost-import-no-files", ["cost", "import"]),
        ("cost-import-sql-source", ["cost", "import", "FILE", "--source", SQL]),
        ("tags-report-unknown-key", ["tags", "report", "--by", "=cmd|' /C calc'!A0"]),
        ("apps-list-bad-format", ["apps", "list", "--format", "xlsx"]),
        ("apps-show-sql-name", ["apps", "show", SQL]),
        ("template-region-sql", ["template", "support-chat", "--region", SQL]),
        ("tags-defaults-bad-value", ["tags", "defaults", "set", "cost-center=" + FORMULA]),
        ("tags-defaults-no-equals", ["tags", "defaults", "set", "novalue"]),
        ("impact-no-subject", ["impact"]),
    ]


# Inputs deploycat accepts on purpose: lenient where AWS may send more than it knows today (a new
# modality or status), where JSON's readers agree (a trailing comma, a repeated key: the last
# wins), and values that are data, however they look (formulas, SQL). HostileInputTests runs them
# against a copy of the catalog and checks they are read and echoed safely.
ACCEPTED = {
    "models": ["trailing-comma", "duplicate-keys", "number-as-string", "modality-unknown", "duplicate-models"],
    "profiles": ["trailing-comma", "duplicate-keys", "status-unknown", "type-application", "id-arn-mismatch"],
    "billing": ["quote-mid-field", "formula-and-sql-values"],
}


def write(folder, number, name, ext, content):
    path = os.path.join(folder, f"{number:03d}-{name}.{ext}")
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    assert len(data) <= 100 * 1024, f"{path}: {len(data)} bytes; make it in the test instead"
    with open(path, "wb") as handle:
        handle.write(data)


def main():
    readers = {
        "spec": spec_cases(), "catalog": catalog_cases(), "models": listing_cases("models"),
        "profiles": listing_cases("profiles"), "tag-policy": policy_cases(), "billing": billing_cases(),
    }
    total = 0
    shutil.rmtree(ACCEPTED_ROOT, ignore_errors=True)
    for reader, cases in readers.items():
        folder = os.path.join(ROOT, reader)
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if not name.startswith("fuzz-"):
                os.remove(os.path.join(folder, name))
        hostile = [case for case in cases if case[0] not in ACCEPTED.get(reader, [])]
        accepted = [case for case in cases if case[0] in ACCEPTED.get(reader, [])]
        assert len(accepted) == len(ACCEPTED.get(reader, [])), reader
        for number, (name, ext, content) in enumerate(hostile, 1):
            write(folder, number, name, ext, content)
        if accepted:
            os.makedirs(os.path.join(ACCEPTED_ROOT, reader))
        for number, (name, ext, content) in enumerate(accepted, 1):
            write(os.path.join(ACCEPTED_ROOT, reader), number, name, ext, content)
        total += len(hostile)
    folder = os.path.join(ROOT, "options")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for number, (name, arguments) in enumerate(options_cases(), 1):
        write(folder, number, name, "args", "\n".join(arguments) + "\n")
    total += len(options_cases())
    print(f"{total} hostile inputs in {ROOT}, {sum(map(len, ACCEPTED.values()))} in {ACCEPTED_ROOT}")


if __name__ == "__main__":
    main()
