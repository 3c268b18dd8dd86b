"""Builds tests/labs/estate/aws/<account>/ from public AWS labs' Terraform (see tests/labs/README.md).

usage: python3 aws_labs.py <staging dir with the labs' checkouts> <output dir (tests/labs/estate/aws)>
needs: python-hcl2 and moto (pip install python-hcl2 moto==5.2.5): AWS-managed policies attached in
a lab are exported with their documents, as get-account-authorization-details returns them, from
moto's copy of AWS's managed policies (moto/iam/aws_managed_policies.py, Apache-2.0).

Each lab's IAM users, roles, groups, inline and managed policies, instance profiles and Lambda
functions (with their function URLs and resource policies) are written as the AWS CLI prints them
after deployment: `aws iam get-account-authorization-details`, `aws lambda list-functions`,
`aws lambda get-policy`, `aws lambda get-function-url-config`. Policies are the lab's own documents,
converted from Terraform's `jsonencode(...)` / `aws_iam_policy_document`; references are resolved to
the ARNs Terraform would produce. What a deployment makes up (account id, region, random suffixes,
the deploying caller) is made up here too; every principal and function cites the .tf file and line
it comes from (PROVENANCE.tsv beside each estate).
"""

import glob
import hashlib
import json
import os
import re
import sys

import hcl2

REGION = "us-east-1"
DATE = "2026-01-05T10:00:00+00:00"


# --- Terraform expressions (python-hcl2 renders them as canonical one-line strings) ---------------

TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<punct>[{}\[\],=:()])|(?P<num>-?\d+(?:\.\d+)?)|(?P<ref>[A-Za-z_][\w\-]*(?:\[[^\]]*\])?(?:\.[\w\-\*]+(?:\[[^\]]*\])?)*))')


def stable(s):
    """A number from a string that is the same on every run (Python's hash() is salted)."""
    return int(hashlib.sha256(str(s).encode()).hexdigest()[:16], 16)


class Unresolved(Exception):
    pass


def closing(s, i):
    """The index of the brace closing the one at `i`, skipping braces inside strings."""
    depth, q = 0, False
    while i < len(s):
        c = s[i]
        if q:
            if c == "\\":
                i += 1
            elif c == '"':
                q = False
        elif c == '"':
            q = True
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise Unresolved(f"unclosed `{s[:40]}`")


def tokens(s):
    pos, out = 0, []
    while pos < len(s):
        if s[pos:].strip() == "":
            break
        m = TOKEN.match(s, pos)
        if not m:
            raise Unresolved(f"cannot read `{s[pos:pos + 40]}`")
        pos = m.end()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
    return out


class Expr:
    """Evaluates the subset of HCL expressions the labs use in policies: objects, lists, strings
    with interpolation, references, jsonencode(...)."""

    def __init__(self, lab):
        self.lab = lab

    def value(self, v):
        if isinstance(v, str):
            if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
                v = v[1:-1].replace('\\"', '"')  # python-hcl2 keeps a literal's quotes
            return self.string(v)
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: self.value(x) for k, x in v.items()}
        return v

    def string(self, s):
        out, i = [], 0
        while i < len(s):
            j = s.find("${", i)
            if j < 0:
                out.append(s[i:])
                break
            out.append(s[i:j])
            end = closing(s, j + 1)
            v = self.expr(s[j + 2:end])
            if j == 0 and end == len(s) - 1:
                return v  # the whole string is one expression: keep its type
            out.append(v if isinstance(v, str) else json.dumps(v))
            i = end + 1
        return "".join(out)

    def expr(self, e):
        e = e.strip()
        m = re.fullmatch(r"jsonencode\((.*)\)", e, re.S)
        if m:
            return self.expr(m.group(1))
        toks = tokens(e)
        v, i = self.parse(toks, 0)
        if i != len(toks):
            raise Unresolved(f"cannot read `{e[:60]}`")
        return v

    def parse(self, t, i):
        kind, tok = t[i]
        if tok == "{":
            obj, i = {}, i + 1
            while t[i][1] != "}":
                k = t[i][1]
                k = json.loads(k) if k.startswith('"') else k
                if t[i + 1][1] not in ("=", ":"):
                    raise Unresolved(f"object key {k} without =")
                v, i = self.parse(t, i + 2)
                obj[k] = v
                if t[i][1] == ",":
                    i += 1
            return obj, i + 1
        if tok == "[":
            arr, i = [], i + 1
            while t[i][1] != "]":
                v, i = self.parse(t, i)
                arr.append(v)
                if t[i][1] == ",":
                    i += 1
            return arr, i + 1
        if kind == "str":
            return self.string(json.loads(tok)), i + 1
        if kind == "num":
            return tok, i + 1
        if kind == "ref":
            if tok in ("true", "false"):
                return tok == "true", i + 1
            return self.lab.ref(tok), i + 1
        raise Unresolved(f"unexpected `{tok}`")


# --- A lab: its Terraform resources, resolved ---------------------------------------------------

class Lab:
    def __init__(self, key, account, repo, commit, licence, root, files, variables=None):
        self.key, self.account, self.repo, self.commit, self.licence = key, account, repo, commit, licence
        self.root = root
        self.vars = {"account_id": account, "prod_account_id": account, "region": REGION,
                     "environment": "prod", "aws_assume_role_arn": f"arn:aws:iam::{account}:user/lab-deployer",
                     "resource_suffix": "4711", "cgid": "cgid4711", **(variables or {})}
        self.res = {}  # (type, name) -> (body, file, line)
        self.data = {}
        self.locals = {}
        self.prov = []
        for f in files:
            d = hcl2.load(open(f))
            text = open(f).read()
            rel = os.path.relpath(f, root)
            for block in d.get("resource", []):
                for t, named in block.items():
                    for n, body in named.items():
                        t, n = t.strip('"'), n.strip('"')
                        line = find_line(text, "resource", t, n)
                        self.res[(t, n)] = (body, rel, line)
            for block in d.get("data", []):
                for t, named in block.items():
                    for n, body in named.items():
                        self.data[(t.strip('"'), n.strip('"'))] = body
            for block in d.get("locals", []):
                self.locals.update(block)
            for block in d.get("variable", []):
                for n, body in block.items():
                    n = n.strip('"')
                    if "default" in body and n not in self.vars and isinstance(body["default"], str):
                        self.vars[n] = body["default"].strip('"')
        self.x = Expr(self)

    def ref(self, r):
        parts = re.sub(r"\[[^\]]*\]", "", r).split(".")
        if parts[0] == "var":
            if parts[1] in self.vars:
                return self.vars[parts[1]]
            raise Unresolved(f"variable {parts[1]}")
        if parts[0] == "local":
            return self.x.value(self.locals[parts[1]])
        if parts[0] == "data":
            t, n, attr = parts[1], parts[2], parts[3] if len(parts) > 3 else ""
            if t == "aws_caller_identity":
                return self.account if attr == "account_id" else f"arn:aws:iam::{self.account}:user/lab-deployer"
            if t == "aws_region":
                return REGION
            if t == "aws_partition":
                return "aws"
            if t == "aws_iam_policy_document" and attr == "json":
                return self.policy_document(self.data[(t, n)])
            raise Unresolved(f"data {t}.{n}")
        if parts[0] in ("random_string", "random_id", "random_password", "random_uuid", "random_integer"):
            return "4711"
        if len(parts) < 2:
            raise Unresolved(f"expression `{r}`")
        t, n = parts[0], parts[1]
        attr = parts[2] if len(parts) > 2 else "id"
        if (t, n) not in self.res:
            raise Unresolved(f"resource {t}.{n}")
        body = self.res[(t, n)][0]
        return self.attribute(t, body, attr)

    def name_of(self, body, key="name"):
        v = body.get(key)
        return self.x.value(v) if v is not None else None

    def attribute(self, t, body, attr):
        a = self.account
        if t == "aws_iam_role":
            name = self.name_of(body)
            return {"arn": f"arn:aws:iam::{a}:role{body.get('path', '/')}{name}", "name": name, "id": name,
                    "unique_id": f"AROA{stable(name) % 10**16:016d}"}[attr]
        if t == "aws_iam_user":
            name = self.name_of(body)
            return {"arn": f"arn:aws:iam::{a}:user{self.x.value(body.get('path', '/'))}{name}", "name": name,
                    "id": name, "unique_id": f"AIDA{stable(name) % 10**16:016d}"}[attr]
        if t == "aws_iam_group":
            name = self.name_of(body)
            return {"arn": f"arn:aws:iam::{a}:group/{name}", "name": name, "id": name}[attr]
        if t == "aws_iam_policy":
            name = self.name_of(body)
            return {"arn": f"arn:aws:iam::{a}:policy{self.x.value(body.get('path', '/'))}{name}", "name": name,
                    "id": f"arn:aws:iam::{a}:policy/{name}"}[attr]
        if t == "aws_iam_instance_profile":
            name = self.name_of(body)
            return {"arn": f"arn:aws:iam::{a}:instance-profile/{name}", "name": name, "id": name}[attr]
        if t == "aws_lambda_function":
            name = self.name_of(body, "function_name")
            return {"arn": f"arn:aws:lambda:{REGION}:{a}:function:{name}", "function_name": name, "id": name,
                    "invoke_arn": f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:{REGION}:{a}:function:{name}/invocations",
                    "qualified_arn": f"arn:aws:lambda:{REGION}:{a}:function:{name}:$LATEST"}[attr]
        if t == "aws_s3_bucket":
            name = self.name_of(body, "bucket")
            return {"arn": f"arn:aws:s3:::{name}", "id": name, "bucket": name}[attr]
        if t == "aws_sfn_state_machine":
            name = self.name_of(body)
            return {"arn": f"arn:aws:states:{REGION}:{a}:stateMachine:{name}", "id": name, "name": name}[attr]
        if t == "aws_ssm_parameter":
            name = self.name_of(body)
            return {"arn": f"arn:aws:ssm:{REGION}:{a}:parameter{name}", "name": name, "id": name}[attr]
        if t == "aws_dynamodb_table":
            name = self.name_of(body)
            return {"arn": f"arn:aws:dynamodb:{REGION}:{a}:table/{name}", "name": name, "id": name,
                    "stream_arn": f"arn:aws:dynamodb:{REGION}:{a}:table/{name}/stream/2026-01-05T10:00:00.000"}[attr]
        if t == "aws_instance":
            iid = f"i-{stable(str(body.get('tags', '')) + str(body.get('ami'))) % 16**17:017x}"
            return {"arn": f"arn:aws:ec2:{REGION}:{a}:instance/{iid}", "id": iid}.get(attr, iid)
        name = self.name_of(body) or self.name_of(body, "function_name") or self.name_of(body, "agent_name") or "x"
        if attr in ("name", "id") or attr.endswith("_id"):
            return name
        if attr.endswith("arn"):
            svc = {"aws_bedrockagent": "bedrock", "aws_bedrockagentcore": "bedrock-agentcore"}.get(
                "_".join(t.split("_")[:2]), t.split("_")[1])
            return f"arn:aws:{svc}:{REGION}:{a}:{t.split('_', 2)[-1].replace('_', '-')}/{name}"
        raise Unresolved(f"attribute {t}.{attr}")

    def policy_document(self, body):
        stmts = []
        for s in body.get("statement", []):
            st = {"Effect": self.x.value(s.get("effect", "Allow"))}
            for k, key in (("sid", "Sid"), ("actions", "Action"), ("not_actions", "NotAction"),
                           ("resources", "Resource"), ("not_resources", "NotResource")):
                if k in s:
                    st[key] = self.x.value(s[k])
            for p in s.get("principals", []):
                st.setdefault("Principal", {})[self.x.value(p["type"])] = self.x.value(p["identifiers"])
            for c in s.get("condition", []):
                st.setdefault("Condition", {}).setdefault(self.x.value(c["test"]), {})[
                    self.x.value(c["variable"])] = self.x.value(c["values"])
            stmts.append(st)
        return json.dumps({"Version": "2012-10-17", "Statement": stmts})

    def doc(self, v):
        """A policy attribute: a jsonencode expression, a heredoc or a .json reference."""
        d = self.x.value(v)
        if isinstance(d, str):
            d = json.loads(d)
        return d


def find_line(text, kind, t, n):
    m = re.search(rf'^{kind}\s+"{re.escape(t)}"\s+"{re.escape(n)}"', text, re.M)
    return text[:m.start()].count("\n") + 1 if m else 0


# --- The export -----------------------------------------------------------------------------------

def export(lab, out):
    a = lab.account
    users, roles, groups, policies, functions = {}, {}, {}, {}, []
    urls, perms = {}, {}
    skipped = []

    def cite(what, key):
        body, f, line = lab.res[key]
        lab.prov.append((what, f"{lab.repo}@{lab.commit[:12]} {f}:{line}"))

    def safe(fn, key):
        try:
            return fn()
        except (Unresolved, KeyError, json.JSONDecodeError) as e:
            skipped.append(f"{key[0]}.{key[1]} ({lab.res[key][1]}): {e}")
            return None

    for key, (body, f, line) in sorted(lab.res.items(), key=lambda x: (x[1][1], x[1][2])):
        t, n = key
        if t == "aws_iam_user":
            try:
                name = lab.attribute(t, body, "name")
            except Unresolved as e:
                skipped.append(f"{t}.{n} ({f}:{line}): {e}")
                continue
            users[name] = {"Path": "/", "UserName": name, "UserId": lab.attribute(t, body, "unique_id"),
                           "Arn": lab.attribute(t, body, "arn"), "CreateDate": DATE,
                           "UserPolicyList": [], "GroupList": [], "AttachedManagedPolicies": [], "Tags": []}
            cite(f"user {name}", key)
        elif t == "aws_iam_role":
            def mk():
                name = lab.attribute(t, body, "name")
                trust = lab.doc(body["assume_role_policy"])
                roles[name] = {"Path": "/", "RoleName": name, "RoleId": lab.attribute(t, body, "unique_id"),
                               "Arn": lab.attribute(t, body, "arn"), "CreateDate": DATE,
                               "AssumeRolePolicyDocument": trust, "InstanceProfileList": [],
                               "RolePolicyList": [], "AttachedManagedPolicies": [], "Tags": [],
                               "RoleLastUsed": {}}
                for p in lab.x.value(body.get("managed_policy_arns", [])) or []:
                    roles[name]["AttachedManagedPolicies"].append({"PolicyName": p.rsplit("/", 1)[1], "PolicyArn": p})
                for ip in body.get("inline_policy", []):
                    roles[name]["RolePolicyList"].append({"PolicyName": lab.x.value(ip["name"]),
                                                          "PolicyDocument": lab.doc(ip["policy"])})
                cite(f"role {name}", key)
            safe(mk, key)
        elif t == "aws_iam_group":
            name = lab.attribute(t, body, "name")
            groups[name] = {"Path": "/", "GroupName": name, "GroupId": f"AGPA{stable(name) % 10**16:016d}",
                            "Arn": lab.attribute(t, body, "arn"), "CreateDate": DATE,
                            "GroupPolicyList": [], "AttachedManagedPolicies": []}
            cite(f"group {name}", key)
        elif t == "aws_iam_policy":
            def mk():
                arn = lab.attribute(t, body, "arn")
                policies[arn] = {"PolicyName": lab.attribute(t, body, "name"), "PolicyId": f"ANPA{stable(arn) % 10**16:016d}",
                                 "Arn": arn, "Path": "/", "DefaultVersionId": "v1", "AttachmentCount": 0,
                                 "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
                                 "CreateDate": DATE, "UpdateDate": DATE,
                                 "PolicyVersionList": [{"Document": lab.doc(body["policy"]), "VersionId": "v1",
                                                        "IsDefaultVersion": True, "CreateDate": DATE}]}
                cite(f"managed policy {arn}", key)
            safe(mk, key)
    for key, (body, f, line) in lab.res.items():
        t, n = key
        try:
            if t == "aws_iam_user_policy":
                users[lab.x.value(body["user"])]["UserPolicyList"].append(
                    {"PolicyName": lab.x.value(body.get("name", n)), "PolicyDocument": lab.doc(body["policy"])})
                cite(f"inline policy {n}", key)
            elif t == "aws_iam_role_policy":
                roles[lab.x.value(body["role"])]["RolePolicyList"].append(
                    {"PolicyName": lab.x.value(body.get("name", n)), "PolicyDocument": lab.doc(body["policy"])})
                cite(f"inline policy {n}", key)
            elif t == "aws_iam_group_policy":
                groups[lab.x.value(body["group"])]["GroupPolicyList"].append(
                    {"PolicyName": lab.x.value(body.get("name", n)), "PolicyDocument": lab.doc(body["policy"])})
                cite(f"inline policy {n}", key)
            elif t in ("aws_iam_user_policy_attachment", "aws_iam_role_policy_attachment", "aws_iam_group_policy_attachment"):
                arn = lab.x.value(body["policy_arn"])
                att = {"PolicyName": arn.rsplit("/", 1)[1], "PolicyArn": arn}
                who = {"aws_iam_user_policy_attachment": (users, "user"), "aws_iam_role_policy_attachment": (roles, "role"),
                       "aws_iam_group_policy_attachment": (groups, "group")}[t]
                who[0][lab.x.value(body[who[1]])]["AttachedManagedPolicies"].append(att)
                if arn in policies:
                    policies[arn]["AttachmentCount"] += 1
                cite(f"attachment {arn} to {lab.x.value(body[who[1]])}", key)
            elif t == "aws_iam_group_membership":
                g = lab.x.value(body["group"])
                for u in lab.x.value(body["users"]):
                    users[u]["GroupList"].append(g)
                cite(f"group membership {g}", key)
            elif t == "aws_iam_user_group_membership":
                u = lab.x.value(body["user"])
                users[u]["GroupList"].extend(lab.x.value(body["groups"]))
                cite(f"group membership {u}", key)
            elif t == "aws_iam_instance_profile":
                name = lab.attribute(t, body, "name")
                r = lab.x.value(body.get("role"))
                prof = {"Path": "/", "InstanceProfileName": name, "InstanceProfileId": f"AIPA{stable(name) % 10**16:016d}",
                        "Arn": lab.attribute(t, body, "arn"), "CreateDate": DATE,
                        "Roles": [{k: roles[r][k] for k in ("Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument")}] if r in roles else []}
                if r in roles:
                    roles[r]["InstanceProfileList"].append(prof)
                cite(f"instance profile {name}", key)
            elif t == "aws_lambda_function":
                name = lab.attribute(t, body, "function_name")
                role = lab.x.value(body["role"])
                fn = {"FunctionName": name, "FunctionArn": lab.attribute(t, body, "arn"),
                      "Runtime": lab.x.value(body.get("runtime", "python3.12")), "Role": role,
                      "Handler": lab.x.value(body.get("handler", "index.handler")), "CodeSize": 1024,
                      "Description": "", "Timeout": int(lab.x.value(body.get("timeout", 3)) or 3), "MemorySize": 128,
                      "LastModified": "2026-01-05T10:00:00.000+0000", "CodeSha256": "lab", "Version": "$LATEST",
                      "TracingConfig": {"Mode": "PassThrough"}, "RevisionId": "lab", "PackageType": "Zip",
                      "Architectures": ["x86_64"], "EphemeralStorage": {"Size": 512}}
                env = body.get("environment")
                if env:
                    fn["Environment"] = {"Variables": {k: "(value)" for k in (env[0].get("variables") or {})}}
                functions.append(fn)
                cite(f"function {name} (role {role})", key)
            elif t == "aws_lambda_function_url":
                fname = lab.x.value(body["function_name"])
                fname = fname.rsplit(":", 1)[-1] if fname.startswith("arn:") else fname
                urls[fname] = {"FunctionUrl": f"https://{stable(fname) % 10**12:012d}.lambda-url.{REGION}.on.aws/",
                               "FunctionArn": f"arn:aws:lambda:{REGION}:{a}:function:{fname}",
                               "AuthType": lab.x.value(body["authorization_type"]),
                               "CreationTime": DATE, "LastModifiedTime": DATE}
                cite(f"function URL of {fname}", key)
            elif t == "aws_lambda_permission":
                fname = lab.x.value(body["function_name"])
                fname = fname.rsplit(":", 1)[-1] if fname.startswith("arn:") else fname
                st = {"Sid": lab.x.value(body.get("statement_id", n)), "Effect": "Allow",
                      "Principal": ({"Service": p} if (p := lab.x.value(body["principal"])).endswith(".amazonaws.com")
                                    else "*" if p == "*" else {"AWS": p}),
                      "Action": lab.x.value(body["action"]),
                      "Resource": f"arn:aws:lambda:{REGION}:{a}:function:{fname}"}
                if "source_arn" in body:
                    st["Condition"] = {"ArnLike": {"AWS:SourceArn": lab.x.value(body["source_arn"])}}
                if "function_url_auth_type" in body:
                    st.setdefault("Condition", {})["StringEquals"] = {"lambda:FunctionUrlAuthType": lab.x.value(body["function_url_auth_type"])}
                perms.setdefault(fname, []).append(st)
                cite(f"resource policy statement on {fname}", key)
        except (Unresolved, KeyError, json.JSONDecodeError) as e:
            skipped.append(f"{t}.{n} ({f}:{line}): {e!r}")

    d = os.path.join(out, a)
    os.makedirs(os.path.join(d, "iam"), exist_ok=True)
    lam = os.path.join(d, REGION, "lambda")
    os.makedirs(lam, exist_ok=True)

    def dump(path, v):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            json.dump(v, fh, indent=2)
            fh.write("\n")

    dump(os.path.join(d, "iam", "get-account-authorization-details.json"), {
        "UserDetailList": list(users.values()), "GroupDetailList": list(groups.values()),
        "RoleDetailList": list(roles.values()), "Policies": list(policies.values()), "IsTruncated": False})
    dump(os.path.join(lam, "list-functions.json"), {"Functions": functions})
    dump(os.path.join(lam, "list-event-source-mappings.json"), {"EventSourceMappings": []})
    dump(os.path.join(lam, "list-code-signing-configs.json"), {"CodeSigningConfigs": []})
    for f, u in urls.items():
        dump(os.path.join(lam, "get-function-url-config", f"{f}.json"), u)
    for f, sts in perms.items():
        dump(os.path.join(lam, "get-policy", f"{f}.json"),
             {"Policy": json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": sts}), "RevisionId": "lab"})
    with open(os.path.join(out, f"{lab.key}.PROVENANCE.tsv"), "w") as fh:
        fh.write(f"what\tfrom (estate aws/{a}, {lab.licence})\n")
        for what, where in lab.prov:
            fh.write(f"{what}\t{where}\n")
        for s in skipped:
            fh.write(f"NOT EXPORTED (cannot resolve)\t{s}\n")
    return len(users), len(roles), len(functions), skipped


def labs(staging):
    pl = os.path.join(staging, "pathfinding-labs")
    pli = os.path.join(staging, "pathfinding-labs-index")
    one = "modules/scenarios/single-account/privesc-one-hop/to-admin"
    files = sorted(glob.glob(f"{pl}/{one}/*/*.tf")) + sorted(glob.glob(f"{pli}/{one}/*/*.tf"))
    files += sorted(glob.glob(f"{pl}/modules/scenarios/single-account/cspm-toxic-combo/public-lambda-with-admin/*.tf"))
    files += sorted(glob.glob(f"{pl}/modules/scenarios/single-account/privesc-multi-hop/to-admin/lambda-004-to-iam-002-to-admin/*.tf"))
    files += sorted(glob.glob(f"{pl}/modules/scenarios/ctf/ai-chatbot-lambda-pivot/*.tf"))
    files = [f for f in files if not f.endswith(("outputs.tf", "providers.tf"))]
    out = []
    # Each scenario folder is one module; they share one account in the lab, so names are distinct.
    by_dir = {}
    for f in files:
        by_dir.setdefault(os.path.dirname(f), []).append(f)
    out.append(("pathfinding-labs", "100000000001", "DataDog/pathfinding-labs",
                "28cbf9aa530cdfa1035fe17e0b06673d99044dfb", "Apache-2.0", staging, by_dir))
    iv = os.path.join(staging, "iam-vulnerable")
    ivf = sorted(glob.glob(f"{iv}/modules/free-resources/privesc-paths/*.tf")) + \
        sorted(glob.glob(f"{iv}/modules/non-free-resources/lambda/*.tf"))
    ivf = [f for f in ivf if not f.endswith("outputs.tf")]
    out.append(("iam-vulnerable-aws", "100000000002", "BishopFox/iam-vulnerable",
                "0f298666f9b7cfa01488b86912afdb211773188a", "MIT", staging, {iv: ivf}))
    cg = os.path.join(staging, "cloudgoat/cloudgoat/scenarios/aws")
    cgd = {}
    for s in ("lambda_privesc", "bedrock_agent_hijacking", "vulnerable_lambda", "agentcore_identity_confusion"):
        fs = sorted(glob.glob(f"{cg}/{s}/terraform/*.tf"))
        fs = [f for f in fs if not f.endswith(("outputs.tf", "provider.tf"))]
        if fs:
            cgd[f"{cg}/{s}"] = fs
    out.append(("cloudgoat", "100000000003", "RhinoSecurityLabs/cloudgoat",
                "abf1ba8f5e47d7ced750fdfa025d51c99f1a43ed", "BSD-3-Clause", staging, cgd))
    return out


def main():
    staging, out = sys.argv[1], sys.argv[2]
    for key, account, repo, commit, licence, root, by_dir in labs(staging):
        # Each module (scenario folder) resolves its own references; they share one account.
        export_all([Lab(key, account, repo, commit, licence, root, fs) for _, fs in sorted(by_dir.items())], out)


def export_all(labs_, out):
    """One account from several modules (each resolves its own references)."""
    first = labs_[0]
    acc = {"users": [], "roles": [], "groups": [], "policies": [], "functions": [], "skipped": [], "prov": []}
    tmp = out + ".tmp"
    for lab in labs_:
        u, r, f, skipped = export(lab, tmp)
        d = os.path.join(tmp, lab.account)
        auth = json.load(open(os.path.join(d, "iam", "get-account-authorization-details.json")))
        acc["users"] += auth["UserDetailList"]
        acc["roles"] += auth["RoleDetailList"]
        acc["groups"] += auth["GroupDetailList"]
        acc["policies"] += auth["Policies"]
        acc["functions"] += json.load(open(os.path.join(d, REGION, "lambda", "list-functions.json")))["Functions"]
        for sub in ("get-function-url-config", "get-policy"):
            for p in glob.glob(os.path.join(d, REGION, "lambda", sub, "*.json")):
                os.makedirs(os.path.join(out, lab.account, REGION, "lambda", sub), exist_ok=True)
                os.replace(p, os.path.join(out, lab.account, REGION, "lambda", sub, os.path.basename(p)))
        acc["prov"] += open(os.path.join(tmp, f"{lab.key}.PROVENANCE.tsv")).read().splitlines()[1:]
    d = os.path.join(out, first.account)
    os.makedirs(os.path.join(d, "iam"), exist_ok=True)
    os.makedirs(os.path.join(d, REGION, "lambda"), exist_ok=True)

    def dump(path, v):
        with open(path, "w") as fh:
            json.dump(v, fh, indent=2)
            fh.write("\n")

    # AWS-managed policies attached in the account come back with their documents.
    from moto.iam.aws_managed_policies import aws_managed_policies_data
    managed = json.loads(aws_managed_policies_data)
    attached = sorted({m["PolicyArn"] for p in acc["users"] + acc["roles"] + acc["groups"]
                       for m in p["AttachedManagedPolicies"] if ":iam::aws:policy/" in m["PolicyArn"]})
    for arn in attached:
        name = arn.rsplit("/", 1)[1]
        m = managed.get(name)
        if m is None:
            acc["prov"].append(f"NOT EXPORTED (unknown AWS-managed policy)\t{arn}")
            continue
        count = sum(1 for p in acc["users"] + acc["roles"] + acc["groups"]
                    for x in p["AttachedManagedPolicies"] if x["PolicyArn"] == arn)
        acc["policies"].append({
            "PolicyName": name, "PolicyId": f"ANPA{stable(arn) % 10**16:016d}", "Arn": arn,
            "Path": m["Path"], "DefaultVersionId": m["DefaultVersionId"], "AttachmentCount": count,
            "PermissionsBoundaryUsageCount": 0, "IsAttachable": True, "CreateDate": m["CreateDate"],
            "UpdateDate": m["UpdateDate"],
            "PolicyVersionList": [{"Document": m["Document"], "VersionId": m["DefaultVersionId"],
                                   "IsDefaultVersion": True, "CreateDate": m["UpdateDate"]}]})
        acc["prov"].append(f"AWS-managed policy {arn} ({m['DefaultVersionId']})\tmoto 5.2.5 moto/iam/aws_managed_policies.py (Apache-2.0)")
    dump(os.path.join(d, "iam", "get-account-authorization-details.json"), {
        "UserDetailList": acc["users"], "GroupDetailList": acc["groups"], "RoleDetailList": acc["roles"],
        "Policies": acc["policies"], "IsTruncated": False})
    dump(os.path.join(d, REGION, "lambda", "list-functions.json"), {"Functions": acc["functions"]})
    dump(os.path.join(d, REGION, "lambda", "list-event-source-mappings.json"), {"EventSourceMappings": []})
    dump(os.path.join(d, REGION, "lambda", "list-code-signing-configs.json"), {"CodeSigningConfigs": []})
    with open(os.path.join(out, f"{first.key}.PROVENANCE.tsv"), "w") as fh:
        fh.write(f"what\tfrom (estate aws/{first.account}, {first.licence})\n")
        fh.write("\n".join(acc["prov"]) + "\n")
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
    print(first.key, first.account, len(acc["users"]), "users", len(acc["roles"]), "roles",
          len(acc["functions"]), "functions", sum(1 for p in acc["prov"] if p.startswith("NOT EXPORTED")), "not exported")


if __name__ == "__main__":
    main()
