/// The inline Python code of `bedrock-batch-stepfn`'s two functions. Task tokens go into the
/// job's tags in pieces (a tag value holds 256 characters), with the state machine's ARN, so
/// the reporting function answers only its own workflow's jobs.
enum BedrockBatchFunctions {
    /// Starts one job for one manifest and keeps the state machine's task token in its tags.
    /// The job's name and client token come from the task token, so a retried call starts the
    /// same job, not a second one.
    static let submit = """
        import hashlib
        import json
        import os
        import re

        import boto3

        bedrock = boto3.client("bedrock")
        TAG_VALUE_LIMIT = 256
        NAME_LIMIT = 63


        def job_name(run, index, token_hash):
            # Bedrock job names: a letter or digit, then letters, digits, "-", "+" and "."; at most 63.
            suffix = f"-{index}-{token_hash[:8]}"
            run = re.sub(r"[^A-Za-z0-9+.-]", "-", str(run)).strip("-") or "run"
            return f"{os.environ['JOB_NAME_PREFIX']}-{run}"[:NAME_LIMIT - len(suffix)].rstrip("-") + suffix


        def handler(event, context):
            request = event["request"]
            model = request.get("model_id") or os.environ["MODEL_ID"]
            if model not in (os.environ["MODEL_ID"], os.environ["MODEL_ARN"]):
                raise ValueError(f"this workflow runs {os.environ['MODEL_ID']} only, not {model}")
            token = event["taskToken"]
            token_hash = hashlib.sha256(token.encode()).hexdigest()
            tags = [
                {"key": f"TaskToken:{i}", "value": token[start:start + TAG_VALUE_LIMIT]}
                for i, start in enumerate(range(0, len(token), TAG_VALUE_LIMIT))
            ]
            tags.append({"key": "deploycat:workflow", "value": event["workflow"]})
            name = job_name(request.get("job_name", "run"), event["index"], token_hash)
            job = bedrock.create_model_invocation_job(
                jobName=name,
                clientRequestToken=token_hash,
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
        import os

        import boto3

        bedrock = boto3.client("bedrock")
        s3 = boto3.client("s3")
        sfn = boto3.client("stepfunctions")
        ENDED = (sfn.exceptions.TaskTimedOut, sfn.exceptions.TaskDoesNotExist, sfn.exceptions.InvalidToken)


        def output_keys(uri):
            bucket, _, prefix = uri.removeprefix("s3://").partition("/")
            keys = []
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
                keys += [item["Key"] for item in page.get("Contents", []) if item["Key"].endswith(".jsonl.out")]
            return sorted(keys)


        def handler(event, context):
            arn = event["detail"]["batchJobArn"]
            tags = {tag["key"]: tag["value"] for tag in bedrock.list_tags_for_resource(resourceARN=arn)["tags"]}
            if tags.get("deploycat:workflow") != os.environ["STATE_MACHINE_ARN"]:
                return  # a job this workflow did not start
            pieces = sorted((key for key in tags if key.startswith("TaskToken:")), key=lambda key: int(key.split(":")[1]))
            token = "".join(tags[key] for key in pieces)
            job = bedrock.get_model_invocation_job(jobIdentifier=arn)
            status = job["status"]
            try:
                if status in ("Completed", "PartiallyCompleted"):
                    uri = job["outputDataConfig"]["s3OutputDataConfig"]["s3Uri"]
                    result = {"status": status, "jobArn": arn, "outputKeys": output_keys(uri)}
                    sfn.send_task_success(taskToken=token, output=json.dumps(result))
                else:
                    sfn.send_task_failure(taskToken=token, error=f"Bedrock.{status}",
                                          cause=(job.get("message") or status)[:32768])
            except ENDED as error:
                # The run stopped waiting already (stopped, or its heartbeat ran out): nothing to answer.
                print(json.dumps({"jobArn": arn, "status": status, "ignored": type(error).__name__}))

        """
}
