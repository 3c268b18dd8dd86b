"""Seeds a moto server with N Lambda functions over R regions, each with its own role (a quarter of
them admin), an EventBridge rule on every tenth, and a public resource policy on every twentieth."""
import io
import json
import sys
import zipfile

import boto3

endpoint, n, regions = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
kw = dict(endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing")
iam = boto3.client("iam", region_name="us-east-1", **kw)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("app.py", "def handler(e, c):\n    return 1\n")
code = buf.getvalue()
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
actions = ["s3:GetObject", ["logs:CreateLogStream", "logs:PutLogEvents"], "iam:CreateAccessKey", "*"]
clients = {r: (boto3.client("lambda", region_name=r, **kw), boto3.client("events", region_name=r, **kw)) for r in regions}
for i in range(n):
    role = iam.create_role(RoleName=f"fn-role-{i}", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    doc = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions[i % 4], "Resource": "*"}]}
    iam.put_role_policy(RoleName=f"fn-role-{i}", PolicyName="inline", PolicyDocument=json.dumps(doc))
    lam, events = clients[regions[i % len(regions)]]
    arn = lam.create_function(FunctionName=f"fn-{i}", Runtime="python3.12", Role=role, Handler="app.handler", Code={"ZipFile": code})["FunctionArn"]
    if i % 20 == 0:
        lam.add_permission(FunctionName=f"fn-{i}", StatementId="public", Action="lambda:InvokeFunction", Principal="*")
    if i % 10 == 0:
        events.put_rule(Name=f"rule-{i}", EventPattern=json.dumps({"source": ["aws.iam"]}))
        events.put_targets(Rule=f"rule-{i}", Targets=[{"Id": "1", "Arn": arn}])
iam.create_user(UserName="deployer")
iam.put_user_policy(UserName="deployer", PolicyName="deploy", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["lambda:CreateFunction", "iam:PassRole"], "Resource": "*"}]}))
print(f"seeded {n} functions in {len(regions)} regions", file=sys.stderr)
