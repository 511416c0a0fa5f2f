/// The inline Python code of `bedrock-batch-stepfn`'s two functions. Task tokens go into the
/// job's tags in pieces: a token may be 1,024 characters, a tag value only 256.
enum BedrockBatchFunctions {
    /// Starts one job for one manifest and keeps the state machine's task token in its tags.
    static let submit = """
        import json
        import os
        import re

        import boto3

        bedrock = boto3.client("bedrock")
        TAG_VALUE_LIMIT = 256


        def job_name(run, index, request_id):
            # Bedrock job names: 1 to 63 letters, digits, "-", "+" and "."; anything else becomes "-".
            run = re.sub(r"[^A-Za-z0-9+.-]", "-", str(run)).strip("-")[:16] or "run"
            return f"{os.environ['JOB_NAME_PREFIX']}-{run}-{index}-{request_id[:8]}"


        def handler(event, context):
            request = event["request"]
            model = request.get("model_id") or os.environ["MODEL_ID"]
            if model not in (os.environ["MODEL_ID"], os.environ["MODEL_ARN"]):
                raise ValueError(f"this workflow runs {os.environ['MODEL_ID']} only, not {model}")
            token = event["taskToken"]
            tags = [
                {"key": f"TaskToken:{i}", "value": token[start:start + TAG_VALUE_LIMIT]}
                for i, start in enumerate(range(0, len(token), TAG_VALUE_LIMIT))
            ]
            name = job_name(request.get("job_name", "run"), event["index"], context.aws_request_id)
            job = bedrock.create_model_invocation_job(
                jobName=name,
                roleArn=os.environ["JOB_ROLE_ARN"],
                modelId=os.environ["MODEL_ID"],
                inputDataConfig={"s3InputDataConfig": {
                    "s3Uri": f"s3://{os.environ['INPUT_BUCKET']}/{event['manifestKey']}", "s3InputFormat": "JSONL"}},
                outputDataConfig={"s3OutputDataConfig": {"s3Uri": f"s3://{os.environ['OUTPUT_BUCKET']}/output/{name}/"}},
                timeoutDurationInHours=int(os.environ["TIMEOUT_HOURS"]),
                tags=tags,
            )
            print(json.dumps({"jobName": name, "jobArn": job["jobArn"], "manifestKey": event["manifestKey"]}))
            return {"jobArn": job["jobArn"]}

        """

    /// Hears a job's end from EventBridge, reads the task token back from its tags and ends the
    /// state machine's wait: success with the output files, or failure with Bedrock's message.
    static let complete = """
        import json

        import boto3

        bedrock = boto3.client("bedrock")
        s3 = boto3.client("s3")
        sfn = boto3.client("stepfunctions")


        def output_keys(uri):
            bucket, _, prefix = uri.removeprefix("s3://").partition("/")
            keys = []
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
                keys += [item["Key"] for item in page.get("Contents", []) if item["Key"].endswith(".jsonl.out")]
            return sorted(keys)


        def handler(event, context):
            arn = event["detail"]["batchJobArn"]
            tags = bedrock.list_tags_for_resource(resourceARN=arn)["tags"]
            pieces = sorted(
                (tag for tag in tags if tag["key"].startswith("TaskToken:")),
                key=lambda tag: int(tag["key"].split(":")[1]),
            )
            if not pieces:
                return  # a job this workflow did not start
            token = "".join(tag["value"] for tag in pieces)
            job = bedrock.get_model_invocation_job(jobIdentifier=arn)
            status = job["status"]
            if status in ("Completed", "PartiallyCompleted"):
                uri = job["outputDataConfig"]["s3OutputDataConfig"]["s3Uri"]
                result = {"status": status, "jobArn": arn, "outputKeys": output_keys(uri)}
                sfn.send_task_success(taskToken=token, output=json.dumps(result))
            else:
                sfn.send_task_failure(taskToken=token, error=f"Bedrock.{status}",
                                      cause=(job.get("message") or status)[:32768])

        """
}
