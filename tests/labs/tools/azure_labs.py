"""Builds tests/labs/estate/azure/<subscription>/ from public Azure labs (see tests/labs/README.md).

usage: python3 azure_labs.py azure-builtin-roles.json <output dir (tests/labs/estate/azure)>

Each lab below is what its Terraform or ARM template creates, written as the exports
`az account show`, `az functionapp list`, `az automation account list`, `az automation runbook list`,
`az identity list`, `az role assignment list --all --include-inherited`, `az role definition list`
and Microsoft Graph `servicePrincipals/ID/appRoleAssignments` would print after deployment. Every
resource and assignment cites the file and line it comes from (PROVENANCE.tsv beside each estate).
What a deployment makes up — subscription, tenant and object ids, the random suffix Terraform adds
to names — is made up here too: ids are uuid5 of a fixed name, suffixes are `4711`.
Built-in role definitions are Microsoft's own (MicrosoftDocs/azure-docs, the JSON of each role in
articles/role-based-access-control/built-in-roles/), copied unchanged.
"""

import json
import os
import sys
import uuid

NS = uuid.UUID("6f2b8c1e-0000-4000-8000-00000000f5c0")


def gid(*parts):
    return str(uuid.uuid5(NS, "/".join(parts)))


TENANT = gid("tenant")
ROLE = {  # built-in role GUIDs (the docs' JSON `name`)
    "Owner": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "Contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "Reader": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    "Virtual Machine Contributor": "9980e02c-c2be-4d73-94e8-173b1dc7cf3c",
    "Storage Blob Data Reader": "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
    "Key Vault Reader": "21090545-7ca7-4776-b22c-e363652d74d2",
    "Key Vault Secrets User": "4633458b-17de-408a-b874-0445c86b69e6",
    "Key Vault Secrets Officer": "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
}
GRAPH = {  # Microsoft Graph application permissions (appRoleId)
    "Application.ReadWrite.All": "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
    "AppRoleAssignment.ReadWrite.All": "06b708a9-e830-4db3-a914-8e69da51d44f",
    "Mail.Read": "810c84a8-4a9e-49e6-bf7d-12d183f40d01",
}
GRAPH_SP = gid("microsoft graph service principal")


class Lab:
    def __init__(self, key, name, repo, commit, licence):
        self.key, self.name, self.repo, self.commit, self.licence = key, name, repo, commit, licence
        self.sub = gid(key, "subscription")
        self.sites, self.accounts, self.runbooks, self.webhooks = [], [], {}, {}
        self.uamis, self.assignments, self.custom_roles, self.graph = [], [], [], {}
        self.mis = []  # principal ids of managed identities (for empty Graph exports)
        self.prov = []

    def cite(self, what, where):
        self.prov.append((what, f"{self.repo}@{self.commit[:12]} {where}"))

    def rg(self, name):
        return f"/subscriptions/{self.sub}/resourceGroups/{name}"

    def principal(self, label):
        return gid(self.key, label, "principal")

    def uami(self, rg, name, where):
        uid = f"{self.rg(rg)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}"
        u = {"id": uid, "name": name, "principalId": self.principal(name),
             "clientId": gid(self.key, name, "client"), "tenantId": TENANT,
             "location": "westeurope", "resourceGroup": rg,
             "type": "Microsoft.ManagedIdentity/userAssignedIdentities"}
        self.uamis.append(u)
        self.mis.append(u["principalId"])
        self.cite(f"user-assigned identity {name}", where)
        return u

    def identity(self, system_label=None, uamis=()):
        if system_label is None and not uamis:
            return None
        kinds = (["SystemAssigned"] if system_label else []) + (["UserAssigned"] if uamis else [])
        ident = {"type": ", ".join(kinds), "tenantId": TENANT}
        if system_label:
            ident["principalId"] = self.principal(system_label)
            self.mis.append(ident["principalId"])
        ident["userAssignedIdentities"] = (
            {u["id"]: {"principalId": u["principalId"], "clientId": u["clientId"]} for u in uamis}
            if uamis else None)
        return ident

    def site(self, rg, name, kind, where, system=False, uamis=()):
        s = {"id": f"{self.rg(rg)}/providers/Microsoft.Web/sites/{name}", "name": name, "kind": kind,
             "location": "westeurope", "resourceGroup": rg, "state": "Running",
             "type": "Microsoft.Web/sites", "defaultHostName": f"{name}.azurewebsites.net",
             "enabledHostNames": [f"{name}.azurewebsites.net", f"{name}.scm.azurewebsites.net"],
             "identity": self.identity(f"site {name}" if system else None, uamis),
             "httpsOnly": False, "siteConfig": {}}
        self.sites.append(s)
        self.cite(f"site {name}", where)
        return s

    def account(self, rg, name, where, system=False, uamis=()):
        a = {"id": f"{self.rg(rg)}/providers/Microsoft.Automation/automationAccounts/{name}",
             "name": name, "location": "westeurope", "resourceGroup": rg,
             "type": "Microsoft.Automation/AutomationAccounts", "state": "Ok",
             "identity": self.identity(f"account {name}" if system else None, uamis),
             "sku": {"name": "Basic"}}
        self.accounts.append(a)
        self.runbooks[name] = []
        self.cite(f"automation account {name}", where)
        return a

    def runbook(self, account, name, kind, where):
        self.runbooks[account].append({
            "id": f"{next(a['id'] for a in self.accounts if a['name'] == account)}/runbooks/{name}",
            "name": name, "type": "Microsoft.Automation/AutomationAccounts/Runbooks",
            "location": "westeurope", "runbookType": kind, "state": "Published"})
        self.cite(f"runbook {account}/{name}", where)

    def webhook(self, account, name, runbook, where):
        self.webhooks.setdefault(account, []).append(
            {"name": name, "isEnabled": True, "runbook": {"name": runbook}})
        self.cite(f"webhook {account}/{name}", where)

    def assign(self, principal, ptype, role, scope, where, name=None, role_id=None):
        guid = role_id or ROLE[role]
        a = {"id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/{gid(self.key, principal, guid, scope)}",
             "name": gid(self.key, principal, guid, scope), "type": "Microsoft.Authorization/roleAssignments",
             "principalId": principal, "principalType": ptype,
             "principalName": name if name is not None else gid(self.key, principal, "appId"),
             "roleDefinitionId": f"/subscriptions/{self.sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}",
             "roleDefinitionName": role, "scope": scope, "condition": None, "conditionVersion": None,
             "createdOn": "2026-01-05T10:00:00.000000+00:00", "description": None,
             "resourceGroup": scope.split("/")[4] if "/resourceGroups/" in scope else None}
        self.assignments.append(a)
        self.cite(f"role assignment {role} to {principal} at {scope}", where)

    def custom_role(self, name, actions, not_actions, scopes, where):
        guid = gid(self.key, "role", name)
        self.custom_roles.append({
            "id": f"/subscriptions/{self.sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}",
            "name": guid, "roleName": name, "roleType": "CustomRole",
            "type": "Microsoft.Authorization/roleDefinitions", "assignableScopes": scopes,
            "permissions": [{"actions": actions, "notActions": not_actions,
                             "dataActions": [], "notDataActions": []}]})
        self.cite(f"custom role {name}", where)
        return guid

    def graph_role(self, principal, display, role, where):
        self.graph.setdefault(principal, []).append({
            "id": gid(self.key, principal, role), "appRoleId": GRAPH[role], "principalId": principal,
            "principalType": "ServicePrincipal", "principalDisplayName": display,
            "resourceId": GRAPH_SP, "resourceDisplayName": "Microsoft Graph",
            "createdDateTime": "2026-01-05T10:00:00Z", "deletedDateTime": None})
        self.cite(f"Graph app role {role} to {display}", where)

    def write(self, out, builtin):
        d = os.path.join(out, self.sub)
        os.makedirs(os.path.join(d, "runbooks"), exist_ok=True)
        os.makedirs(os.path.join(d, "graph-app-role-assignments"), exist_ok=True)

        def dump(rel, v):
            with open(os.path.join(d, rel), "w") as f:
                json.dump(v, f, indent=2)
                f.write("\n")

        dump("account.json", {"id": self.sub, "name": self.name, "tenantId": TENANT,
                              "state": "Enabled", "isDefault": True})
        dump("sites.json", self.sites)
        dump("automation-accounts.json", self.accounts)
        for a, rbs in self.runbooks.items():
            dump(f"runbooks/{a}.json", rbs)
        if self.webhooks:
            os.makedirs(os.path.join(d, "webhooks"), exist_ok=True)
            for a in self.runbooks:
                dump(f"webhooks/{a}.json", self.webhooks.get(a, []))
        dump("logic-workflows.json", [])
        dump("user-assigned-identities.json", self.uamis)
        dump("role-assignments.json", self.assignments)
        used = {a["roleDefinitionId"].rsplit("/", 1)[1] for a in self.assignments}
        dump("role-definitions.json",
             [r for r in builtin if r["name"] in used] + self.custom_roles)
        for p in sorted(set(self.mis)):
            dump(f"graph-app-role-assignments/{p}.json", {"value": self.graph.get(p, [])})
        dump("directory-role-assignments.json", {"value": []})
        dump("deny-assignments.json", [])
        with open(os.path.join(out, f"{self.key}.PROVENANCE.tsv"), "w") as f:
            f.write(f"what\tfrom (estate azure/{self.sub}, {self.licence})\n")
            for what, where in self.prov:
                f.write(f"{what}\t{where}\n")


def labs():
    out = []

    # ine-labs/AzureGoat: a VM identity with Contributor on the group edits a runbook of an
    # Automation account whose user-assigned identity is Owner of the group (attack manual 05).
    g = Lab("azuregoat", "azuregoat", "ine-labs/AzureGoat", "b97045952e6df00de735a7f27fd7c4994dcfe8c0", "MIT")
    rg = "azuregoat_app"
    u = g.uami(rg, "user-assigned-id4711", "main.tf:464-469")
    g.assign(g.principal("developerVM4711"), "ServicePrincipal", "Contributor", g.rg(rg), "main.tf:448-452")
    g.assign(u["principalId"], "ServicePrincipal", "Owner", g.rg(rg), "main.tf:454-461")
    g.account(rg, "dev-automation-account-appazgoat4711", "main.tf:471-484", uamis=[u])
    g.runbook("dev-automation-account-appazgoat4711", "Get-AzureVM", "PowerShellWorkflow", "main.tf:502-512")
    g.site(rg, "appazgoat4711-function", "functionapp,linux", "main.tf:152-190")
    g.site(rg, "appazgoat4711-function-app", "functionapp,linux", "main.tf:534-553")
    out.append(g)

    # stream-sec/cdrgoat Azure/2: a Function App identity with Reader and Storage Blob Data Reader.
    c2 = Lab("cdrgoat-2", "cdrgoat-2-lfi-func-approle-privesc", "stream-sec/cdrgoat",
             "d67c3cf9c52237dffb80d120400ef55f42cf0844", "BSD-3-Clause")
    rg = "streamgoat-2-rg-4711"
    s = c2.site(rg, "streamgoat-2-func-4711", "functionapp,linux",
                "Azure/2-lfi-func-approle-privesc/main.tf:265-306", system=True)
    sa = f"{c2.rg(rg)}/providers/Microsoft.Storage/storageAccounts/streamgoat2sa4711"
    c2.assign(s["identity"]["principalId"], "ServicePrincipal", "Reader", c2.rg(rg),
              "Azure/2-lfi-func-approle-privesc/main.tf:313-317")
    c2.assign(s["identity"]["principalId"], "ServicePrincipal", "Storage Blob Data Reader", sa,
              "Azure/2-lfi-func-approle-privesc/main.tf:320-324")
    out.append(c2)

    # cdrgoat Azure/3: a service principal with Contributor on the group may attach a user-assigned
    # identity that is User Access Administrator of the group.
    c3 = Lab("cdrgoat-3", "cdrgoat-3-leaked-appreg-uami-privesc", "stream-sec/cdrgoat",
             "d67c3cf9c52237dffb80d120400ef55f42cf0844", "BSD-3-Clause")
    rg = "streamgoat-3-rg-4711"
    u = c3.uami(rg, "streamgoat-3-deployment-identity", "Azure/3-leaked-appreg-uami-privesc/main.tf:103-116")
    c3.assign(c3.principal("streamgoat-3-devops-automation"), "ServicePrincipal", "Contributor", c3.rg(rg),
              "Azure/3-leaked-appreg-uami-privesc/main.tf:119-123")
    c3.assign(u["principalId"], "ServicePrincipal", "User Access Administrator", c3.rg(rg),
              "Azure/3-leaked-appreg-uami-privesc/main.tf:128-132")
    out.append(c3)

    # cdrgoat Azure/4: an Automation account whose identity is Virtual Machine Contributor on the
    # group, started by a webhook whose URL leaks; no role is needed to call it.
    c4 = Lab("cdrgoat-4", "cdrgoat-4-sas-automation-mysql", "stream-sec/cdrgoat",
             "d67c3cf9c52237dffb80d120400ef55f42cf0844", "BSD-3-Clause")
    rg = "streamgoat-4-rg-4711"
    a = c4.account(rg, "streamgoat-4-aa-4711", "Azure/4-sas-automation-mysql/main.tf:214-227", system=True)
    c4.assign(a["identity"]["principalId"], "ServicePrincipal", "Virtual Machine Contributor", c4.rg(rg),
              "Azure/4-sas-automation-mysql/main.tf:229-234")
    c4.runbook("streamgoat-4-aa-4711", "Get-VMStatus", "PowerShell", "Azure/4-sas-automation-mysql/main.tf:237-270")
    c4.runbook("streamgoat-4-aa-4711", "Invoke-VMCommand", "PowerShell", "Azure/4-sas-automation-mysql/main.tf:273-340")
    c4.webhook("streamgoat-4-aa-4711", "maintenance-webhook", "Invoke-VMCommand",
               "Azure/4-sas-automation-mysql/main.tf:343-350")
    kv = f"{c4.rg(rg)}/providers/Microsoft.KeyVault/vaults/streamgoat4kv4711"
    vm = c4.principal("streamgoat-4-vm")
    c4.assign(vm, "ServicePrincipal", "Key Vault Reader", kv, "Azure/4-sas-automation-mysql/main.tf:476-480")
    c4.assign(vm, "ServicePrincipal", "Key Vault Secrets User", kv, "Azure/4-sas-automation-mysql/main.tf:482-486")
    out.append(c4)

    # cdrgoat Azure/7: a Function App whose identity holds no role; a group that may read PIM
    # eligibility at the subscription (its eligible Contributor is not an active assignment).
    c7 = Lab("cdrgoat-7", "cdrgoat-7-phish-dyngroup-pim-ga", "stream-sec/cdrgoat",
             "d67c3cf9c52237dffb80d120400ef55f42cf0844", "BSD-3-Clause")
    rg = "streamgoat-rg-7"
    c7.site(rg, "streamgoat-people-func-4711", "functionapp,linux",
            "Azure/7-phish-dyngroup-pim-ga/main.tf:214-240", system=True)
    pim = c7.custom_role("StreamGoat-PIM-Visibility", [
        "Microsoft.Authorization/roleEligibilityScheduleInstances/read",
        "Microsoft.Authorization/roleEligibilitySchedules/read",
        "Microsoft.Authorization/roleDefinitions/read",
        "Microsoft.Authorization/roleAssignments/read"], [], [f"/subscriptions/{c7.sub}"],
        "Azure/7-phish-dyngroup-pim-ga/main.tf:298-316")
    c7.assign(c7.principal("streamgoat-7-DevOPS"), "Group", "StreamGoat-PIM-Visibility",
              f"/subscriptions/{c7.sub}", "Azure/7-phish-dyngroup-pim-ga/main.tf:318-322",
              name="streamgoat-7-DevOPS", role_id=pim)
    out.append(c7)

    # Azure/Cloud-Katana: a Function App whose user-assigned identity is Contributor on the group
    # and holds Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All and Mail.Read.
    k = Lab("cloud-katana", "cloud-katana", "Azure/Cloud-Katana", "6b793a65ebb11920623a15e623f6d7b075b53882", "MIT")
    rg = "cloudkatana-rg"
    u = k.uami(rg, "cloudkatanaIdentity", "azuredeploy.json:75,147-152")
    k.assign(u["principalId"], "ServicePrincipal", "Contributor", k.rg(rg), "azuredeploy.json:170-181")
    for r in ["Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "Mail.Read"]:
        k.graph_role(u["principalId"], "cloudkatanaIdentity", r,
                     "azuredeploy.json:182-212 (line 199); scenarios/azure/permissions.json")
    k.site(rg, "cloudkatana", "functionapp", "resources/templates/functionApp.json:231-246", uamis=[u])
    out.append(k)

    # SecuraBV/brokenbydesign-azure: a user with a custom "DevOps reader" role (Microsoft.Web/sites/*
    # without */write, */delete and the key-listing actions) over a Function App with no identity.
    b = Lab("brokenbydesign", "brokenbydesign-azure", "SecuraBV/brokenbydesign-azure",
            "d621e2adcccd29b6762ea4e5c5e292d5d1664631", "MIT")
    frg, vrg = "azure-func-rg-secura", "azure-vpn-rg-secura"
    not_actions = [
        "*/write", "*/delete",
        "microsoft.web/apimanagementaccounts/apis/connections/listsecrets/action",
        "Microsoft.Web/containerApps/listsecrets/action",
        "Microsoft.Web/staticSites/listsecrets/action",
        "microsoft.web/sites/config/snapshots/listsecrets/action",
        "microsoft.web/sites/slots/config/snapshots/listsecrets/action",
        "microsoft.web/sites/slots/functions/listsecrets/action",
        "microsoft.web/sites/functions/listsecrets/action",
        "microsoft.web/apimanagementaccounts/apis/connections/listconnectionkeys/action",
        "microsoft.web/serverfarms/firstpartyapps/keyvaultsettings/read",
        "microsoft.web/serverfarms/firstpartyapps/keyvaultsettings/write",
        "microsoft.web/connections/listConnectionKeys/action",
        "microsoft.web/connections/revokeConnectionKeys/action",
        "Microsoft.Web/staticSites/resetapikey/Action",
        "microsoft.web/sites/hostruntime/functions/keys/read",
        "Microsoft.Web/sites/hostruntime/host/_master/read",
        "microsoft.web/sites/slots/functions/listkeys/action",
        "microsoft.web/sites/slots/functions/keys/write",
        "microsoft.web/sites/slots/functions/keys/delete",
        "microsoft.web/sites/slots/host/listkeys/action",
        "microsoft.web/sites/slots/host/functionkeys/write",
        "microsoft.web/sites/slots/host/functionkeys/delete",
        "microsoft.web/sites/slots/host/systemkeys/write",
        "microsoft.web/sites/slots/host/systemkeys/delete",
        "microsoft.web/sites/host/listkeys/action",
        "microsoft.web/sites/host/functionkeys/write",
        "microsoft.web/sites/host/functionkeys/delete",
        "microsoft.web/sites/host/systemkeys/write",
        "microsoft.web/sites/host/systemkeys/delete",
        "microsoft.web/sites/functions/listkeys/action",
        "microsoft.web/sites/functions/keys/write",
        "microsoft.web/sites/functions/keys/delete",
        "microsoft.web/sites/functions/masterkey/read",
        "microsoft.web/sites/hybridconnectionnamespaces/relays/listkeys/action",
        "Microsoft.Web/sites/slots/config/list/Action"]
    dev = b.custom_role("DevOps reader", [
        "Microsoft.Web/sites/*", "Microsoft.HybridCompute/machines/*/read", "Microsoft.Compute/*/read",
        "Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Resources/deployments/*/read",
        "Microsoft.Network/*/read", "Microsoft.DesktopVirtualization/*/read"], not_actions,
        [b.rg(frg), b.rg(vrg)], "main.tf:215-274")
    user = b.principal("devops@secvulnapp.onmicrosoft.com")
    b.assign(user, "User", "DevOps reader", b.rg(frg), "main.tf:276-280 (user main.tf:201-208)",
             name="devops@secvulnapp.onmicrosoft.com", role_id=dev)
    b.assign(user, "User", "DevOps reader", b.rg(vrg), "main.tf:284-288",
             name="devops@secvulnapp.onmicrosoft.com", role_id=dev)
    b.site(frg, "af-secura", "functionapp", "main.tf:107-116")
    out.append(b)
    return out


def main():
    builtin = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for lab in labs():
        lab.write(out, builtin)
        print(lab.key, lab.sub)


if __name__ == "__main__":
    main()
