#!/usr/bin/env python3
"""Writes an AWS billing export for benchmarks/billing.sh: FORMAT (cur, cur2 or focus), ROWS rows
of one month, plain CSV or gzip (a name ending .gz), with as many columns as AWS delivers.

Rows (by row number): 55% Bedrock tokens on the apps' application inference profiles, tagged
(deploycat:app, deploycat:team, CostCenter); 10% the same profiles' ARNs without tags (before the
tags were activated); 5% the apps' Lambda functions, untagged; 30% other services, untagged.

Usage: billing_export.py FORMAT ROWS OUT [--apps N] [--month YYYY-MM]
"""
import argparse
import csv
import gzip
import hashlib
import json
import random

LEGACY = [
    "identity/LineItemId", "identity/TimeInterval", "bill/InvoiceId", "bill/InvoicingEntity", "bill/BillingEntity",
    "bill/BillType", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/BillingPeriodEndDate",
    "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
    "lineItem/ProductCode", "lineItem/UsageType", "lineItem/Operation", "lineItem/AvailabilityZone",
    "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/NormalizationFactor", "lineItem/NormalizedUsageAmount",
    "lineItem/CurrencyCode", "lineItem/UnblendedRate", "lineItem/UnblendedCost", "lineItem/BlendedRate",
    "lineItem/BlendedCost", "lineItem/LineItemDescription", "lineItem/TaxType", "lineItem/LegalEntity",
    "product/ProductName", "product/region", "product/servicecode", "product/usagetype", "product/operation",
    "product/productFamily", "pricing/RateCode", "pricing/RateId", "pricing/currency", "pricing/publicOnDemandCost",
    "pricing/publicOnDemandRate", "pricing/term", "pricing/unit", "reservation/AmortizedUpfrontFeeForBillingPeriod",
    "savingsPlan/SavingsPlanEffectiveCost", "resourceTags/user:CostCenter", "resourceTags/user:deploycat:app",
    "resourceTags/user:deploycat:team", "resourceTags/user:deploycat:stage",
]
CUR2 = [
    "bill_bill_type", "bill_billing_entity", "bill_billing_period_end_date", "bill_billing_period_start_date",
    "bill_invoice_id", "bill_invoicing_entity", "bill_payer_account_id", "bill_payer_account_name", "cost_category",
    "discount", "identity_line_item_id", "identity_time_interval", "line_item_availability_zone",
    "line_item_blended_cost", "line_item_blended_rate", "line_item_currency_code", "line_item_legal_entity",
    "line_item_line_item_description", "line_item_line_item_type", "line_item_net_unblended_cost",
    "line_item_normalization_factor", "line_item_normalized_usage_amount", "line_item_operation",
    "line_item_product_code", "line_item_resource_id", "line_item_tax_type", "line_item_unblended_cost",
    "line_item_unblended_rate", "line_item_usage_account_id", "line_item_usage_account_name", "line_item_usage_amount",
    "line_item_usage_end_date", "line_item_usage_start_date", "line_item_usage_type", "pricing_currency",
    "pricing_public_on_demand_cost", "pricing_public_on_demand_rate", "pricing_term", "pricing_unit", "product",
    "product_comment", "product_fee_code", "product_from_location", "product_instance_type", "product_location",
    "product_operation", "product_product_family", "product_region_code", "product_servicecode", "product_sku",
    "product_to_location", "product_usagetype", "reservation_amortized_upfront_fee_for_billing_period",
    "resource_tags", "savings_plan_savings_plan_effective_cost",
]
FOCUS = [
    "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
    "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
    "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId",
    "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName",
    "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName",
    "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory",
    "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags", "x_CostCategories",
    "x_Discounts", "x_Operation", "x_ServiceCode", "x_UsageType",
]
MODELS = ["Claude3Haiku", "Claude3.5Sonnet-v2", "NovaPro", "NovaLite", "Llama3-2-90B"]
OTHER = [("AmazonS3", "USE1-TimedStorage-ByteHrs", "arn:aws:s3:::bucket-{}", "Amazon Simple Storage Service"),
         ("AmazonEC2", "USE1-BoxUsage:m5.large", "i-0{:016x}", "Amazon Elastic Compute Cloud"),
         ("AmazonCloudWatch", "USE1-DataProcessing-Bytes", "", "AmazonCloudWatch")]
PAYER = "123456789012"


def rows(count, apps, month, rng):
    """(line item id, start, end, product, service name, usage type, operation, resource, cost, tags) tuples."""
    for n in range(count):
        app = n % apps
        day = 1 + (n * 28) // max(count, 1)
        hour = n % 24
        start = f"{month}-{day:02d}T{hour:02d}:00:00Z"
        end = f"{month}-{day:02d}T{hour:02d}:59:59Z"
        share = n % 100
        profile = f"arn:aws:bedrock:us-east-1:{PAYER}:application-inference-profile/{hashlib.md5(str(app).encode()).hexdigest()[:12]}"
        cost = f"{rng.randrange(1, 10**9) / 10**10:.10f}"
        if share < 65:
            model = MODELS[app % len(MODELS)]
            kind = ["input-tokens", "output-tokens", "batch-input-tokens", "input-tokens-cross-region-global"][n % 4]
            tags = {"CostCenter": f"CC-{app % 7:03d}", "deploycat:app": f"bench-{app}",
                    "deploycat:team": f"team-{app % 5}", "deploycat:stage": "prod"} if share < 55 else {}
            yield ("AmazonBedrock", "Amazon Bedrock", f"USE1-{model}-{kind}", "InvokeModelInference", profile,
                   cost, tags, start, end)
        elif share < 70:
            yield ("AWSLambda", "AWS Lambda", "USE1-Lambda-GB-Second", "Invoke",
                   f"arn:aws:lambda:us-east-1:{PAYER}:function:bench-{app}", cost, {}, start, end)
        else:
            product, usage, resource, service = OTHER[n % len(OTHER)]
            yield (product, service, usage, "Run", resource.format(n % 5000), cost, {}, start, end)


def line_item_id(n):
    return hashlib.sha1(str(n).encode()).hexdigest()[:52]


def snake(key):
    out = ""
    for i, c in enumerate(key):
        if c.isupper() and i > 0 and (key[i - 1].islower() or key[i - 1].isdigit()):
            out += "_"
        out += "_" if not c.isalnum() else c.lower()
    return "user_" + out


def write(fmt, count, out, apps, month):
    rng = random.Random(7)
    opener = gzip.open if out.endswith(".gz") else open
    with opener(out, "wt", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        header = {"cur": LEGACY, "cur2": CUR2, "focus": FOCUS}[fmt]
        writer.writerow(header)
        index = {name: i for i, name in enumerate(header)}
        blank = [""] * len(header)
        for n, (product, service, usage, operation, resource, cost, tags, start, end) in enumerate(
                rows(count, apps, month, rng)):
            row = list(blank)

            def put(column, value):
                row[index[column]] = value
            if fmt == "cur":
                put("identity/LineItemId", line_item_id(n))
                put("identity/TimeInterval", f"{start}/{end}")
                put("bill/PayerAccountId", PAYER)
                put("bill/BillType", "Anniversary")
                put("lineItem/UsageAccountId", PAYER)
                put("lineItem/LineItemType", "Usage")
                put("lineItem/UsageStartDate", start)
                put("lineItem/UsageEndDate", end)
                put("lineItem/ProductCode", product)
                put("lineItem/UsageType", usage)
                put("lineItem/Operation", operation)
                put("lineItem/ResourceId", resource)
                put("lineItem/UsageAmount", "1000.0")
                put("lineItem/CurrencyCode", "USD")
                put("lineItem/UnblendedCost", cost)
                put("lineItem/BlendedCost", cost)
                put("lineItem/LineItemDescription", f"{service} {usage}")
                put("product/ProductName", service)
                put("product/region", "us-east-1")
                for key, value in tags.items():
                    put(f"resourceTags/user:{key}", value)
            elif fmt == "cur2":
                put("identity_line_item_id", line_item_id(n))
                put("identity_time_interval", f"{start}/{end}")
                put("bill_payer_account_id", PAYER)
                put("line_item_usage_account_id", PAYER)
                put("line_item_line_item_type", "Usage")
                put("line_item_usage_start_date", start)
                put("line_item_usage_end_date", end)
                put("line_item_product_code", product)
                put("line_item_usage_type", usage)
                put("line_item_operation", operation)
                put("line_item_resource_id", resource)
                put("line_item_usage_amount", "1000.0")
                put("line_item_unblended_cost", cost)
                put("line_item_net_unblended_cost", cost)
                put("product", json.dumps({"product_name": service, "region": "us-east-1"}))
                put("cost_category", "{}")
                put("resource_tags", json.dumps({snake(k): v for k, v in tags.items()}))
            else:
                put("BilledCost", cost)
                put("EffectiveCost", cost)
                put("BillingAccountId", PAYER)
                put("BillingCurrency", "USD")
                put("ChargeCategory", "Usage")
                put("ChargePeriodStart", start)
                put("ChargePeriodEnd", end)
                put("RegionId", "us-east-1")
                put("ResourceId", resource)
                put("ServiceName", service)
                put("SubAccountId", PAYER)
                put("Tags", json.dumps({f"user:{k}": v for k, v in tags.items()}))
                put("x_Operation", operation)
                put("x_ServiceCode", product)
                put("x_UsageType", usage)
            writer.writerow(row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=["cur", "cur2", "focus"])
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--apps", type=int, default=20)
    parser.add_argument("--month", default="2025-01")
    args = parser.parse_args()
    write(args.format, args.rows, args.out, args.apps, args.month)


if __name__ == "__main__":
    main()
