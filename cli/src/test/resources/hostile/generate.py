#!/usr/bin/env python3
"""Writes the hostile-input corpus next to this script (see README.md); deterministic.

Run it from any folder: python3 generate.py. It rewrites its folders from scratch, identically;
the committed files are the source of truth.

Conventions the test relies on:
  - 192.0.2.0/24 and 2001:db8:bad::/48 are "never" addresses: a file puts them where they must not
    be blocked (victims, the workload's own addresses, archived or foreign-account findings,
    ambiguous spellings). The test fails if one of them is ever rendered or stored.
  - The other documentation ranges (198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are ordinary
    public attackers: blocking them is fine.
  - valid/ holds well-formed events; expected-blocks.txt names what each must block.
  - a folder's _config.json, when present, is passed as --config for the files in it.
"""

import copy
import ipaddress
import json
import os
import shutil

ROOT = os.path.dirname(os.path.abspath(__file__))
DELETE = object()
ACCOUNT = "111122223333"
EXPECTED = []


# ---------------------------------------------------------------- templates


def gd(fid, v4=None, v6=None, sev=5, typ="UnauthorizedAccess:EC2/SSHBruteForce",
       direction="INBOUND", role="TARGET", public_ip=""):
    """A native GuardDuty event, network connection, shaped like samples/events/01."""
    remote = {
        "organization": {"asn": "64501", "asnOrg": "Example Hosting", "isp": "Example Hosting",
                         "org": "Example Hosting"},
        "country": {"countryName": "Netherlands"},
        "city": {"cityName": "Amsterdam"},
    }
    if v4 is not None:
        remote["ipAddressV4"] = v4
    if v6 is not None:
        remote["ipAddressV6"] = v6
    return {
        "version": "0",
        "id": "ev-" + fid,
        "detail-type": "GuardDuty Finding",
        "source": "aws.guardduty",
        "account": ACCOUNT,
        "time": "2026-11-20T10:00:00Z",
        "region": "us-east-1",
        "resources": [],
        "detail": {
            "schemaVersion": "2.0",
            "accountId": ACCOUNT,
            "region": "us-east-1",
            "partition": "aws",
            "id": fid,
            "arn": "arn:aws:guardduty:us-east-1:%s:detector/d1/finding/%s" % (ACCOUNT, fid),
            "type": typ,
            "resource": {
                "resourceType": "Instance",
                "instanceDetails": {
                    "instanceId": "i-0a1b2c3d4e5f60718",
                    "networkInterfaces": [{
                        "ipv6Addresses": [],
                        "networkInterfaceId": "eni-00500a395686fb4fb",
                        "privateIpAddress": "172.31.18.44",
                        "privateIpAddresses": [{"privateIpAddress": "172.31.18.44"}],
                        "publicIp": public_ip,
                    }],
                },
            },
            "service": {
                "serviceName": "guardduty",
                "detectorId": "d1",
                "action": {
                    "actionType": "NETWORK_CONNECTION",
                    "networkConnectionAction": {
                        "connectionDirection": direction,
                        "remoteIpDetails": remote,
                        "remotePortDetails": {"port": 51234, "portName": "Unknown"},
                        "localPortDetails": {"port": 22, "portName": "SSH"},
                        "localIpDetails": {"ipAddressV4": "172.31.18.44"},
                        "protocol": "TCP",
                        "blocked": False,
                    },
                },
                "resourceRole": role,
                "additionalInfo": {"value": "{}", "type": "default"},
                "eventFirstSeen": "2026-11-20T09:00:00.000Z",
                "eventLastSeen": "2026-11-20T09:50:00.000Z",
                "archived": False,
                "count": 3,
            },
            "severity": sev,
            "createdAt": "2026-11-20T09:01:00.000Z",
            "updatedAt": "2026-11-20T09:55:00.000Z",
            "title": "Remote host is probing the instance.",
            "description": "A made-up finding of the hostile-input corpus.",
        },
    }


def gd_action(fid, kind, ip, sev=8, typ="UnauthorizedAccess:IAMUser/MaliciousIPCaller"):
    """A native event whose remote sits in an API-call, EKS, RDS or port-probe action."""
    e = gd(fid, sev=sev, typ=typ)
    key = "ipAddressV6" if ":" in ip else "ipAddressV4"
    remote = {key: ip, "country": {"countryName": "Chile"}}
    actions = {
        "AWS_API_CALL": ("awsApiCallAction", {"api": "ListBuckets", "serviceName": "s3",
                                              "callerType": "Remote IP", "remoteIpDetails": remote}),
        "KUBERNETES_API_CALL": ("kubernetesApiCallAction",
                                {"requestUri": "/api", "verb": "get", "sourceIPs": [ip],
                                 "remoteIpDetails": remote}),
        "RDS_LOGIN_ATTEMPT": ("rdsLoginAttemptAction", {"remoteIpDetails": remote}),
        "PORT_PROBE": ("portProbeAction", {"blocked": False, "portProbeDetails": [
            {"localPortDetails": {"port": 3389, "portName": "RDP"}, "remoteIpDetails": remote}]}),
    }
    name, body = actions[kind]
    e["detail"]["service"]["action"] = {"actionType": kind, name: body}
    return e


def asff(fid, v4=None, v6=None, sev="MEDIUM", typ="UnauthorizedAccess:EC2-SSHBruteForce",
         product_fields_only=False, role="TARGET", direction="INBOUND"):
    """A Security Hub import with one GuardDuty ASFF finding, shaped like samples/events/09."""
    arn = "arn:aws:guardduty:eu-west-1:%s:detector/d2/finding/%s" % (ACCOUNT, fid)
    pf = {
        "aws/guardduty/service/action/actionType": "NETWORK_CONNECTION",
        "aws/guardduty/service/action/networkConnectionAction/connectionDirection": direction,
        "aws/guardduty/service/serviceName": "guardduty",
        "aws/guardduty/service/resourceRole": role,
        "aws/guardduty/service/archived": "false",
        "aws/securityhub/ProductName": "GuardDuty",
        "aws/securityhub/CompanyName": "Amazon",
    }
    remote = {"Country": {"CountryName": "Sweden"},
              "Organization": {"Asn": 64510, "AsnOrg": "Example Servers AB"}}
    prefix = "aws/guardduty/service/action/networkConnectionAction/remoteIpDetails/"
    if v4 is not None:
        pf[prefix + "ipAddressV4"] = v4
        remote["IpAddressV4"] = v4
    if v6 is not None:
        pf[prefix + "ipAddressV6"] = v6
        remote["IpAddressV6"] = v6
    finding = {
        "SchemaVersion": "2018-10-08",
        "Id": arn,
        "ProductArn": "arn:aws:securityhub:eu-west-1::product/aws/guardduty",
        "GeneratorId": "arn:aws:guardduty:eu-west-1:%s:detector/d2" % ACCOUNT,
        "AwsAccountId": ACCOUNT,
        "Types": ["TTPs/Initial Access/" + typ],
        "CreatedAt": "2026-11-20T08:02:11.318Z",
        "UpdatedAt": "2026-11-20T08:29:45.027Z",
        "Severity": {"Label": sev},
        "Title": "Remote host is probing the instance.",
        "Description": "A made-up ASFF finding of the hostile-input corpus.",
        "ProductFields": pf,
        "Resources": [{"Type": "AwsEc2Instance",
                       "Id": "arn:aws:ec2:eu-west-1:%s:instance/i-0f60718293a4b5c6d" % ACCOUNT,
                       "Partition": "aws", "Region": "eu-west-1",
                       "Details": {"AwsEc2Instance": {"IpV4Addresses": ["172.31.33.8"]}}}],
        "RecordState": "ACTIVE",
        "Workflow": {"Status": "NEW"},
        "ProductName": "GuardDuty",
        "CompanyName": "Amazon",
        "Region": "eu-west-1",
    }
    if not product_fields_only:
        finding["Action"] = {"ActionType": "NETWORK_CONNECTION",
                             "NetworkConnectionAction": {"ConnectionDirection": direction,
                                                         "RemoteIpDetails": remote,
                                                         "Protocol": "TCP", "Blocked": False}}
    return {
        "version": "0",
        "id": "ev-" + fid,
        "detail-type": "Security Hub Findings - Imported",
        "source": "aws.securityhub",
        "account": ACCOUNT,
        "time": "2026-11-20T08:31:28Z",
        "region": "eu-west-1",
        "resources": ["arn:aws:securityhub:eu-west-1::product/aws/guardduty/" + arn],
        "detail": {"findings": [finding]},
    }


def bare(fid, v4=None, v6=None, sev=2.0, typ="Recon:EC2/PortProbeUnprotectedPort"):
    """One finding as `aws guardduty get-findings` prints it, like samples/events/20."""
    remote = {"Country": {"CountryName": "Chile"}, "Organization": {"Asn": "64499"}}
    if v4 is not None:
        remote["IpAddressV4"] = v4
    if v6 is not None:
        remote["IpAddressV6"] = v6
    return {
        "SchemaVersion": "2.0",
        "AccountId": ACCOUNT,
        "Region": "us-east-1",
        "Partition": "aws",
        "Id": fid,
        "Arn": "arn:aws:guardduty:us-east-1:%s:detector/d3/finding/%s" % (ACCOUNT, fid),
        "Type": typ,
        "Resource": {"ResourceType": "Instance",
                     "InstanceDetails": {"InstanceId": "i-0d4e5f60718293a4b"}},
        "Service": {
            "ServiceName": "guardduty",
            "DetectorId": "d3",
            "Action": {"ActionType": "PORT_PROBE", "PortProbeAction": {
                "Blocked": False,
                "PortProbeDetails": [{"LocalPortDetails": {"Port": 3389, "PortName": "RDP"},
                                      "RemoteIpDetails": remote}]}},
            "ResourceRole": "TARGET",
            "Archived": False,
            "Count": 9,
        },
        "Severity": sev,
        "CreatedAt": "2026-11-20T07:49:03.559Z",
        "UpdatedAt": "2026-11-20T08:15:27.731Z",
        "Title": "Unprotected port on EC2 instance is being probed.",
        "Description": "A made-up bare finding of the hostile-input corpus.",
    }


def ocsf(fid, ip, sev=4, typ="UnauthorizedAccess:EC2/SSHBruteForce", direction="Inbound",
         product="GuardDuty", local="172.31.44.9"):
    """A Security Hub OCSF import (Findings Imported V2), like samples/events/23."""
    arn = "arn:aws:guardduty:eu-west-1:%s:detector/d4/finding/%s" % (ACCOUNT, fid)
    remote = {"ip": ip, "autonomous_system": {"number": 64509, "name": "Example Transit"},
              "location": {"country": "NO"}}
    evidence = {"connection_info": {"direction": direction},
                "src_endpoint": remote if direction == "Inbound" else {"ip": local},
                "dst_endpoint": {"ip": local, "port": 22} if direction == "Inbound" else remote}
    finding = {
        "activity_id": 1, "activity_name": "Create",
        "category_uid": 2, "category_name": "Findings",
        "class_uid": 2004, "class_name": "Detection Finding", "type_uid": 200401,
        "severity_id": sev, "severity": "High",
        "status_id": 1, "status": "New",
        "time_dt": "2026-11-20T08:29:45.027Z",
        "cloud": {"provider": "AWS", "region": "eu-west-1", "account": {"uid": ACCOUNT}},
        "finding_info": {"uid": arn, "title": "Remote host is talking to the instance.",
                         "desc": "A made-up OCSF finding of the hostile-input corpus.",
                         "types": [typ], "modified_time_dt": "2026-11-20T08:29:45.027Z"},
        "metadata": {"version": "1.6.0",
                     "product": {"name": product, "vendor_name": "AWS"}},
        "resources": [{"type": "AWS::EC2::Instance",
                       "uid": "arn:aws:ec2:eu-west-1:%s:instance/i-0a1b2c3d4e5f60718" % ACCOUNT,
                       "region": "eu-west-1"}],
        "evidences": [evidence],
    }
    return {
        "version": "0",
        "id": "ev-" + fid,
        "detail-type": "Findings Imported V2",
        "source": "aws.securityhub",
        "account": ACCOUNT,
        "time": "2026-11-20T08:31:28Z",
        "region": "eu-west-1",
        "resources": [],
        "detail": {"findings": [finding]},
    }


# ---------------------------------------------------------------- helpers


def mut(obj, path, value):
    """A copy of obj with the value at path (keys and indices) replaced, or removed (DELETE)."""
    out = copy.deepcopy(obj)
    node = out
    for key in path[:-1]:
        node = node[key]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


def dump(obj, ascii_only=True):
    return json.dumps(obj, indent=1, ensure_ascii=ascii_only)


def write(folder, name, content):
    path = os.path.join(ROOT, folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(content, (dict, list)):
        content = dump(content)
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    with open(path, "wb") as f:
        f.write(content)


def expect(folder, name, *cidrs):
    EXPECTED.append("%s/%s %s" % (folder, name, " ".join(cidrs)))


def v6(ip):
    return ":" in ip


# ---------------------------------------------------------------- malformed


def malformed():
    """Not JSON, not an event, or JSON no parser should guess at: each must be named an error."""
    f = "malformed"
    good = dump(gd("m-good", v4="198.51.100.30"))
    for i, frac in enumerate([0.01, 0.25, 0.5, 0.75, 0.99]):
        write(f, "truncated-%02d.json" % i, good[: int(len(good) * frac)])
    write(f, "truncated-one-char-short.json", good[:-1])
    write(f, "truncated-mid-escape.json", '{"detail":{"id":"abc\\u00')
    write(f, "truncated-mid-number.json", '{"detail":{"severity":8.')
    one = json.dumps(gd("m-line", v4="198.51.100.31"))
    for name, tail in [("word", " garbage"), ("brace", "}"), ("comma", ","), ("nul", "\x00"),
                       ("comment", " // trailing comment"), ("second-object", ' {"a":1}'),
                       ("number", " 42")]:
        write(f, "trailing-%s.json" % name, one + tail)
    write(f, "deep-array-10000.json", "[" * 10000 + "]" * 10000)
    write(f, "deep-object-10000.json", '{"a":' * 10000 + "1" + "}" * 10000)
    write(f, "deep-array-unclosed-10000.json", "[" * 10000)
    write(f, "deep-mixed-10000.json", '[{"a":' * 5000 + "null" + "}]" * 5000)
    deep_detail = mut(gd("m-deep", v4="198.51.100.32"), ["detail", "extra"], "@DEEP@")
    write(f, "deep-inside-detail-10000.json",
          dump(deep_detail).replace('"@DEEP@"', "[" * 10000 + "]" * 10000))
    write(f, "deep-inside-detail-1500.json",
          dump(deep_detail).replace('"@DEEP@"', "[" * 1500 + "]" * 1500))
    write(f, "deep-remote-ip-details-5000.json",
          dump(gd("m-deep2", v4="@DEEP@")).replace('"@DEEP@"', '{"a":' * 5000 + "1" + "}" * 5000))
    write(f, "deep-lines-10000.jsonl", one + "\n" + "[" * 10000 + "]" * 10000 + "\n")
    write(f, "huge-array-100k-findings.json",
          mut(asff("m-harr", v4="198.51.100.38"), ["detail", "findings"], [0] * 100000))
    ev = dump(gd("m-num", v4="198.51.100.39"))
    for name, num in [("nan", "NaN"), ("infinity", "Infinity"), ("minus-infinity", "-Infinity"),
                      ("1e999", "1e999"), ("30-digits", "123456789012345678901234567890"),
                      ("leading-zero", "05"), ("hex", "0x5"), ("plus", "+5"), ("dot-five", ".5"),
                      ("exp-only", "1e")]:
        write(f, "number-severity-%s.json" % name, ev.replace('"severity": 5', '"severity": ' + num))
    evb = ev.encode()
    for name, bad in [("ff", b"\xff"), ("truncated-c3", b"\xc3"), ("overlong-c0af", b"\xc0\xaf"),
                      ("surrogate-eda080", b"\xed\xa0\x80"), ("latin1-e9", b"caf\xe9")]:
        write(f, "utf8-invalid-%s.json" % name,
              evb.replace(b"Remote host is probing", b"Remote host " + bad + b" probing"))
    write(f, "utf8-invalid-in-ip.json", evb.replace(b"198.51.100.39", b"198.51.100.\xff"))
    write(f, "bom-utf8-only.json", b"\xef\xbb\xbf")
    write(f, "bom-utf8-in-middle.json", evb.replace(b'"detail": {', b'"detail": \xef\xbb\xbf{', 1))
    write(f, "utf16le-bom.json", b"\xff\xfe" + ev.encode("utf-16-le"))
    write(f, "utf16be-bom.json", b"\xfe\xff" + ev.encode("utf-16-be"))
    write(f, "utf16le-no-bom.json", ev.encode("utf-16-le"))
    write(f, "utf32le-bom.json", b"\xff\xfe\x00\x00" + ev.encode("utf-32-le"))
    write(f, "empty.json", b"")
    write(f, "empty.jsonl", b"")
    write(f, "whitespace-spaces.json", "    ")
    write(f, "whitespace-newlines.json", "\n\n\n")
    write(f, "whitespace-mixed.jsonl", " \t\r\n \n\t\n")
    write(f, "nul-bytes-1k.json", b"\x00" * 1024)
    for name, text in [("number", "42"), ("string", '"aws.guardduty"'), ("true", "true"),
                       ("null", "null"), ("float", "8.5"), ("array-null", "[null]"),
                       ("array-empty-array", "[[]]"), ("array-scalars", '[42, "x", true]'),
                       ("object-empty", "{}"), ("array-nested-events", "[[%s]]" % one)]:
        write(f, "scalar-%s.json" % name, text)
    for name, text in [("open-brace", "{"), ("close-bracket", "]"), ("open-quote-key", '{"'),
                       ("unterminated-string", '"unterminated'), ("comment-line", "// comment"),
                       ("single-quotes", "{'source': 'aws.guardduty'}"),
                       ("unquoted-keys", "{source: 1}"), ("trailing-comma-object", '{"a": 1,}'),
                       ("raw-control-in-string", '{"detail": {"id": "a\x01b"}}'),
                       ("bad-escape", '{"detail": {"id": "a\\xb"}}'),
                       ("lone-surrogate-escape", '{"detail": {"id": "\\ud800"}}'),
                       ("xml", "<event><id>1</id></event>"),
                       ("yaml", "source: aws.guardduty\ndetail:\n  id: y1\n")]:
        write(f, "syntax-%s.json" % name, text)
    write(f, "lines-mixed.jsonl", "\n".join([one, "not json", "", "42", "{", one]))
    write(f, "lines-cr-only.ndjson", one + "\r" + json.dumps(gd("m-cr", v4="198.51.100.41")))
    write(f, "lines-all-bad.jsonl", "a\nb\nc\n")
    write(f, "lines-nul-separated.jsonl", one + "\x00" + one)
    write(f, "findings-page-scalar.json", '{"Findings": 42}')
    write(f, "findings-page-lower-scalar.json", '{"findings": "x"}')


def tolerated():
    """Odd but readable input: tolerating or rejecting it are both fine, as long as it is safe."""
    f = "tolerated"
    one = json.dumps(gd("l-line", v4="198.51.100.31"))
    write(f, "lines-crlf.ndjson", one + "\r\n" + json.dumps(gd("l-crlf", v4="198.51.100.40")) + "\r\n")
    write(f, "huge-id-300k.json", mut(gd("x", v4="198.51.100.33"), ["detail", "id"], "i" * 300000))
    write(f, "huge-type-100k.json", mut(gd("l-htype", v4="198.51.100.34"), ["detail", "type"],
                                        "Recon:EC2/" + "P" * 100000))
    write(f, "huge-title-300k.json", mut(gd("l-htitle", v4="198.51.100.35", sev=8),
                                         ["detail", "title"], "t" * 300000))
    write(f, "huge-key-100k.json", mut(gd("l-hkey", v4="198.51.100.36"), ["detail", "k" * 100000],
                                       1))
    write(f, "huge-unicode-50k.json", mut(gd("l-huni", v4="198.51.100.37", sev=8),
                                          ["detail", "description"], "\u00e9\U0001F525" * 50000))
    ev = dump(gd("l-dup", v4="198.51.100.39"))
    write(f, "duplicate-key-id.json", ev.replace('"id": "l-dup"', '"id": "l-dup", "id": "l-dup-2"'))
    write(f, "duplicate-key-severity.json", ev.replace('"severity": 5', '"severity": 2, "severity": 8'))
    write(f, "duplicate-key-source.json",
          ev.replace('"source": "aws.guardduty"', '"source": "aws.guardduty", "source": "aws.ec2"'))
    write(f, "duplicate-key-ip-private-last.json",
          ev.replace('"ipAddressV4": "198.51.100.39"',
                     '"ipAddressV4": "198.51.100.39", "ipAddressV4": "10.0.0.39"'))
    write(f, "duplicate-key-ip-private-first.json",
          ev.replace('"ipAddressV4": "198.51.100.39"',
                     '"ipAddressV4": "10.0.0.39", "ipAddressV4": "198.51.100.39"'))
    write(f, "duplicate-key-detail.json", ev.replace('"detail": {', '"detail": {}, "detail": {', 1))
    write(f, "duplicate-key-archived.json",
          ev.replace('"archived": false', '"archived": true, "archived": false'))
    for name, num in [("1e-999", "1e-999"), ("minus-zero", "-0"), ("five-dot-zero", "5.0"),
                      ("exponent", "0.5e1")]:
        write(f, "number-severity-%s.json" % name, ev.replace('"severity": 5', '"severity": ' + num))
    # Whitespace around an address, or an address in the other family's field: unambiguous.
    for i, ip in enumerate([" 198.51.100.42", "198.51.100.43 ", "198.51.100.44\n", "\t198.51.100.45",
                            "198.51.100.46" + " " * 50000]):
        write(f, "address-padded-%d.json" % i, gd("l-pad-%d" % i, v4=ip, sev=8))
    write(f, "address-v4-in-v6-field.json", gd("l-v4v6", v6="198.51.100.47", sev=8))
    write(f, "address-uppercase-v6.json", gd("l-upper", v6="2001:DB8:5::48", sev=8))
    write(f, "address-expanded-v6.json",
          gd("l-expanded", v6="2001:0db8:0005:0000:0000:0000:0000:0049", sev=8))
    # ASFF whose ProductFields call it archived while RecordState says ACTIVE.
    write(f, "asff-productfields-archived-record-active.json",
          mut(asff("l-asff-arch", v4="198.51.100.50", sev="HIGH"),
              ["detail", "findings", 0, "ProductFields", "aws/guardduty/service/archived"], "true"))
    write(f, "asff-AwsAccountId-number.json",
          mut(asff("l-asff-acct", v4="198.51.100.51", sev="HIGH"),
              ["detail", "findings", 0, "AwsAccountId"], 111122223333))
    write(f, "bom-utf8-array.json", b"\xef\xbb\xbf" + b"[" + ev.encode() + b"]")
    write(f, "bom-utf8-twice.json", b"\xef\xbb\xbf\xef\xbb\xbf" + ev.encode())
    odd_types(f)


# ---------------------------------------------------------------- wrong types


WRONG_GD = [
    # (name, path under the event, value): fields guardwall depends on, so a wrong type must be
    # reported (an error or a warning), never dropped without a word.
    ("source-null", ["source"], None),
    ("source-number", ["source"], 42),
    ("source-array", ["source"], ["aws.guardduty"]),
    ("source-missing", ["source"], DELETE),
    ("detail-type-null", ["detail-type"], None),
    ("detail-null", ["detail"], None),
    ("detail-array", ["detail"], []),
    ("detail-array-of-detail", ["detail"], "@DETAIL_ARRAY@"),
    ("detail-number", ["detail"], 5),
    ("detail-missing", ["detail"], DELETE),
    ("id-number", ["detail", "id"], 123456),
    ("id-null", ["detail", "id"], None),
    ("id-array", ["detail", "id"], ["a", "b"]),
    ("id-empty", ["detail", "id"], ""),
    ("id-missing", ["detail", "id"], DELETE),
    ("type-empty", ["detail", "type"], ""),
    ("type-number", ["detail", "type"], 1),
    ("type-null", ["detail", "type"], None),
    ("type-missing", ["detail", "type"], DELETE),
    ("severity-word", ["detail", "severity"], "high"),
    ("severity-true", ["detail", "severity"], True),
    ("severity-null", ["detail", "severity"], None),
    ("severity-array", ["detail", "severity"], [8]),
    ("severity-negative", ["detail", "severity"], -5),
    ("severity-1e308", ["detail", "severity"], 1e308),
    ("severity-empty-string", ["detail", "severity"], ""),
    ("severity-missing", ["detail", "severity"], DELETE),
    ("service-array", ["detail", "service"], []),
    ("service-string", ["detail", "service"], "guardduty"),
    ("archived-string-yes", ["detail", "service", "archived"], "yes"),
    ("archived-number", ["detail", "service", "archived"], 1),
    ("action-array", ["detail", "service", "action"], []),
    ("action-string", ["detail", "service", "action"], "NETWORK_CONNECTION"),
    ("networkConnectionAction-array", ["detail", "service", "action", "networkConnectionAction"],
     []),
    ("networkConnectionAction-string",
     ["detail", "service", "action", "networkConnectionAction"], "198.51.100.50"),
    ("remoteIpDetails-string",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails"],
     "198.51.100.51"),
    ("remoteIpDetails-array",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails"],
     [{"ipAddressV4": "198.51.100.52"}]),
    ("ipAddressV4-number",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails", "ipAddressV4"],
     3325256755),
    ("ipAddressV4-array",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails", "ipAddressV4"],
     ["198.51.100.53"]),
    ("ipAddressV4-object",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails", "ipAddressV4"],
     {"value": "198.51.100.54"}),
]

WRONG_OCSF = [
    ("findings-object", ["detail", "findings"], {"0": "x"}),
    ("findings-missing", ["detail", "findings"], DELETE),
    ("findings-of-number", ["detail", "findings"], [42]),
    ("finding_info-string", ["detail", "findings", 0, "finding_info"], "x"),
    ("finding_info-missing", ["detail", "findings", 0, "finding_info"], DELETE),
    ("uid-number", ["detail", "findings", 0, "finding_info", "uid"], 42),
    ("types-string", ["detail", "findings", 0, "finding_info", "types"], "Backdoor:EC2/X"),
    ("types-of-object", ["detail", "findings", 0, "finding_info", "types"], [{}]),
    ("severity_id-string", ["detail", "findings", 0, "severity_id"], "High"),
    ("severity_id-object", ["detail", "findings", 0, "severity_id"], {}),
    ("severity_id-array", ["detail", "findings", 0, "severity_id"], [4]),
    ("evidences-string", ["detail", "findings", 0, "evidences"], "x"),
    ("evidence-string", ["detail", "findings", 0, "evidences", 0], "x"),
    ("src_endpoint-string", ["detail", "findings", 0, "evidences", 0, "src_endpoint"], "x"),
    ("ip-number", ["detail", "findings", 0, "evidences", 0, "src_endpoint", "ip"], 42),
    ("connection_info-number", ["detail", "findings", 0, "evidences", 0, "connection_info"], 1),
    ("direction-unknown",
     ["detail", "findings", 0, "evidences", 0, "connection_info", "direction"], "Sideways"),
    ("status-number", ["detail", "findings", 0, "status"], 4),
]

WRONG_ASFF = [
    ("findings-object", ["detail", "findings"], {"0": "@FINDING@"}),
    ("findings-string", ["detail", "findings"], "[]"),
    ("findings-null", ["detail", "findings"], None),
    ("findings-number", ["detail", "findings"], 1),
    ("findings-of-number", ["detail", "findings"], [42]),
    ("findings-of-null", ["detail", "findings"], [None]),
    ("findings-of-array", ["detail", "findings"], [[]]),
    ("findings-missing", ["detail", "findings"], DELETE),
    ("Severity-string", ["detail", "findings", 0, "Severity"], "HIGH"),
    ("Severity-number", ["detail", "findings", 0, "Severity"], 8),
    ("Severity-Label-number", ["detail", "findings", 0, "Severity", "Label"], 70),
    ("Severity-Label-unknown", ["detail", "findings", 0, "Severity", "Label"], "EXTREME"),
    ("Severity-empty-object", ["detail", "findings", 0, "Severity"], {}),
    ("Id-number", ["detail", "findings", 0, "Id"], 42),
    ("Id-null", ["detail", "findings", 0, "Id"], None),
    ("Types-string", ["detail", "findings", 0, "Types"], "TTPs/Initial Access/x"),
    ("Types-of-number", ["detail", "findings", 0, "Types"], [1]),
    ("ProductFields-array", ["detail", "findings", 0, "ProductFields"], []),
    ("ProductFields-string", ["detail", "findings", 0, "ProductFields"], "x"),
    ("Action-string", ["detail", "findings", 0, "Action"], "NETWORK_CONNECTION"),
    ("RemoteIpDetails-string",
     ["detail", "findings", 0, "Action", "NetworkConnectionAction", "RemoteIpDetails"],
     "198.51.100.55"),
    ("IpAddressV4-number",
     ["detail", "findings", 0, "Action", "NetworkConnectionAction", "RemoteIpDetails",
      "IpAddressV4"], 3325256760),
    ("RecordState-number", ["detail", "findings", 0, "RecordState"], 1),
    ("Workflow-string", ["detail", "findings", 0, "Workflow"], "SUPPRESSED"),
]

WRONG_BARE = [
    ("Id-number", ["Id"], 99),
    ("Type-number", ["Type"], 3),
    ("Type-empty", ["Type"], ""),
    ("Severity-word", ["Severity"], "high"),
    ("Severity-bool", ["Severity"], True),
    ("Service-array", ["Service"], []),
    ("Service-Action-string", ["Service", "Action"], "PORT_PROBE"),
    ("PortProbeDetails-object", ["Service", "Action", "PortProbeAction", "PortProbeDetails"],
     {"RemoteIpDetails": {"IpAddressV4": "198.51.100.56"}}),
    ("PortProbeDetails-of-string",
     ["Service", "Action", "PortProbeAction", "PortProbeDetails"], ["198.51.100.57"]),
    ("RemoteIpDetails-array",
     ["Service", "Action", "PortProbeAction", "PortProbeDetails", 0, "RemoteIpDetails"],
     [{"IpAddressV4": "198.51.100.58"}]),
]


def wrong_types():
    f = "wrong-types"
    base = gd("w-gd", v4="198.51.100.60", sev=8)
    for name, path, value in WRONG_GD:
        if value == "@DETAIL_ARRAY@":
            value = [base["detail"]]
        e = mut(base, path, value)
        write(f, "gd-%s.json" % name, e)
    abase = asff("w-asff", v4="198.51.100.61", sev="HIGH")
    for name, path, value in WRONG_ASFF:
        if value == {"0": "@FINDING@"}:
            value = {"0": abase["detail"]["findings"][0]}
        write(f, "asff-%s.json" % name, mut(abase, path, value))
    bbase = bare("w-bare", v4="198.51.100.62", sev=5.0)
    for name, path, value in WRONG_BARE:
        write(f, "bare-%s.json" % name, mut(bbase, path, value))
    obase = ocsf("w-ocsf", "198.51.100.66")
    for name, path, value in WRONG_OCSF:
        write(f, "ocsf-%s.json" % name, mut(obase, path, value))
    write(f, "bare-findings-page-object.json", {"Findings": {"0": bbase}})
    write(f, "bare-findings-page-null.json", {"Findings": None})
    write(f, "bare-findings-page-of-number.json", {"Findings": [42]})
    write(f, "bare-findings-lower-page-object.json", {"findings": {"a": bbase}})


ODD_GD = [
    # Fields guardwall only shows or ignores: a wrong type may be tolerated.
    ("actionType-number", ["detail", "service", "action", "actionType"], 3),
    ("accountId-number", ["detail", "accountId"], 111122223333),
    ("title-number", ["detail", "title"], 42),
    ("title-array", ["detail", "title"], ["a", "b"]),
    ("description-array", ["detail", "description"], [1, 2]),
    ("createdAt-garbage", ["detail", "createdAt"], "yesterday at noon"),
    ("createdAt-number", ["detail", "createdAt"], 1700000000),
    ("updatedAt-year-99999", ["detail", "updatedAt"], "99999-01-01T00:00:00Z"),
    ("time-garbage", ["time"], "not a time"),
    ("region-array", ["detail", "region"], ["us-east-1"]),
    ("schemaVersion-number", ["detail", "schemaVersion"], 2),
    ("resource-array", ["detail", "resource"], []),
    ("resource-string", ["detail", "resource"], "Instance"),
    ("organization-string",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails",
      "organization"], "Example Org"),
    ("asn-negative",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails",
      "organization", "asn"], "-1"),
    ("countryName-number",
     ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails", "country",
      "countryName"], 56),
    ("connectionDirection-number",
     ["detail", "service", "action", "networkConnectionAction", "connectionDirection"], 1),
    ("connectionDirection-unknown",
     ["detail", "service", "action", "networkConnectionAction", "connectionDirection"], "SIDEWAYS"),
    ("resourceRole-number", ["detail", "service", "resourceRole"], 1),
    ("additionalInfo-sample-string", ["detail", "service", "additionalInfo"],
     {"sample": "true"}),
    ("count-string", ["detail", "service", "count"], "many"),
    ("actionType-unknown", ["detail", "service", "action", "actionType"], "TELEPORT"),
    ("account-number", ["account"], 111122223333),
]


def odd_types(f):
    base = gd("o-gd", v4="198.51.100.63", sev=8)
    for i, (name, path, value) in enumerate(ODD_GD):
        e = mut(base, path, value)
        e = mut(e, ["detail", "id"], "o-gd-%02d" % i)
        write(f, "gd-%s.json" % name, e)


# ---------------------------------------------------------------- addresses


NON_PUBLIC_V4 = [
    "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1", "127.0.0.1",
    "127.255.255.254", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254",
    "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
]
NON_PUBLIC_V6 = ["::1", "::", "fe80::1", "fe80::abcd:1234", "fc00::1", "fd12:3456::1", "ff02::1",
                 "ff05::2", "febf:ffff::1"]


def nat64_48(v4):
    """RFC 6052 /48 layout: 64:ff9b:1::/48, IPv4 in bits 48-63 and 72-87, u-octet zero."""
    b = ipaddress.IPv4Address(v4).packed
    raw = bytes.fromhex("0064ff9b0001") + b[0:2] + b"\x00" + b[2:4] + b"\x00" * 5
    return str(ipaddress.IPv6Address(raw))


EMBEDDED = [
    # Every IPv6 form that embeds an IPv4 address, around private or special IPv4 addresses.
    "::ffff:10.0.0.1", "::ffff:a00:1", "::FFFF:127.0.0.1", "::ffff:169.254.169.254",
    "0:0:0:0:0:ffff:192.168.1.1", "::ffff:0:10.0.0.1", "::ffff:0:a00:1", "::ffff:0:7f00:1",
    "::10.0.0.1", "::a00:1", "::127.0.0.1", "::169.254.169.254", "64:ff9b::10.0.0.1",
    "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::c0a8:101",
    "64:ff9b:1::a00:1", "64:ff9b:1::10.0.0.1", nat64_48("10.0.0.1"), nat64_48("169.254.169.254"),
    "2002:a00:1::", "2002:a00:1::1", "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101::1",
    "2002:6440:1::1", "::ffff:100.64.0.1", "64:ff9b::6440:1", "::ffff:224.0.0.1",
    "::ffff:0.0.0.0", "64:ff9b::", "2002::",
]

AMBIGUOUS = [
    # Spellings that are not one canonical address: rejected, never guessed. The public ones use
    # the "never" range 192.0.2.0/24.
    "010.0.0.1", "0177.0.0.1", "10.1", "10.0.1", "10", "0x0a000001", "0x0a.0.0.1", "167772161",
    "2130706433", "0x7f000001", "::ffff:010.0.0.1", "0300.0000.0002.0005", "0xc0000205",
    "3221225989", "192.0.2.05", "192.0.2", "192.0.517", "1.2.3.4.5", "256.1.1.1", "192.0.2.256",
    "-1.0.0.0", "192.0.2.6/32", "fe80::1%eth0", "fe80::1%25eth0", "::1%lo",
    "2001:db8:bad::5%eth0", "192.0.2.7%eth0", "0.0.0.0/0", "::/0", "192.0.2.0/24", "10.0.0.0/8",
    "::ffff:0:0/96", "64:ff9b::/96", "2002::/16", "2001:db8:bad::/48", "192.0.2.1-192.0.2.254",
    "192.0.2.*", "*", "192.0.2.12,198.51.100.90", "192.0.2.13 198.51.100.91",
    "192.0.2.14;10.0.0.1", "", "   ", "localhost", "example.com", "192.0.2.15:22", "[::1]",
    "[2001:db8:bad::1]:443", "192.0.2.16\u0000", "192.0.2.17\u001b[0m",
    "\uff11\uff19\uff12.0.2.17", "192\u30020\u30022\u300218", "\u0661\u0669\u0662.0.2.19",
    "192.0.2.20\u200b", "2001:db8:bad::1::2", "2001:db8:bad:0:0:0:0:0:1",
    "2001:0db8:0bad:0000:0000:0000:0000:00001", "1" * 100000, ":" * 5000, "::ffff:" * 2000 + "1",

]


def address_file_name(i, ip):
    safe = "".join(c if c.isalnum() or c in ".-" else "_" for c in ip)[:40]
    return "%03d-%s.json" % (i, safe)


def addresses():
    f = "addresses"
    i = 0
    for ip in NON_PUBLIC_V4 + NON_PUBLIC_V6 + EMBEDDED + AMBIGUOUS:
        i += 1
        fid = "a-%03d" % i
        key = {"v6": ip} if v6(ip) else {"v4": ip}
        write(f, "gd-" + address_file_name(i, ip), gd(fid, sev=8, **key))
    # The same addresses in the other field (IPv6 text in ipAddressV4 and back).
    for ip in ["10.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "fe80::1"]:
        i += 1
        key = {"v4": ip} if v6(ip) else {"v6": ip}
        write(f, "gd-wrong-field-" + address_file_name(i, ip), gd("a-%03d" % i, sev=8, **key))
    # Other actions and the other two input shapes.
    for kind, ips in [("AWS_API_CALL", ["10.0.0.1", "64:ff9b::a00:1"]),
                      ("KUBERNETES_API_CALL", ["::ffff:10.0.0.1", "2002:a00:1::"]),
                      ("RDS_LOGIN_ATTEMPT", ["169.254.169.254", "::10.0.0.1"]),
                      ("PORT_PROBE", ["64:ff9b:1::a00:1", "::ffff:0:10.0.0.1"])]:
        for ip in ips:
            i += 1
            write(f, "%s-%s" % (kind.lower().replace("_", "-"), address_file_name(i, ip)),
                  gd_action("a-%03d" % i, kind, ip))
    for ip in ["10.0.0.1", "169.254.169.254", "::ffff:10.0.0.1", "64:ff9b::a00:1",
               "2002:a00:1::", "::ffff:0:10.0.0.1", "010.0.0.1", "0.0.0.0/0", "::/0"]:
        i += 1
        key = {"v6": ip} if v6(ip) else {"v4": ip}
        write(f, "asff-action-" + address_file_name(i, ip), asff("a-%03d" % i, sev="HIGH", **key))
        i += 1
        write(f, "asff-productfields-" + address_file_name(i, ip),
              asff("a-%03d" % i, sev="HIGH", product_fields_only=True, **key))
        i += 1
        write(f, "bare-" + address_file_name(i, ip), bare("a-%03d" % i, sev=5.0, **key))
    # One port probe from many non-public sources at once.
    e = gd_action("a-many", "PORT_PROBE", "10.0.0.1")
    probe = e["detail"]["service"]["action"]["portProbeAction"]["portProbeDetails"][0]
    e["detail"]["service"]["action"]["portProbeAction"]["portProbeDetails"] = [
        mut(probe, ["remoteIpDetails"], {("ipAddressV6" if v6(ip) else "ipAddressV4"): ip})
        for ip in NON_PUBLIC_V4 + NON_PUBLIC_V6 + EMBEDDED]
    write(f, "gd-port-probe-every-non-public.json", e)


# ---------------------------------------------------------------- hostile text


PAYLOADS = [
    ("csi-clear", "before\u001b[2J\u001b[Hafter"),
    ("csi-color", "\u001b[31mRED\u001b[0m text"),
    ("csi-cursor-up", "line\u001b[1A\u001b[2Koverwritten"),
    ("osc-title", "\u001b]0;pwned title\u0007text"),
    ("osc-title-st", "\u001b]2;pwned\u001b\\text"),
    ("osc8-link", "\u001b]8;;http://evil.example/\u001b\\click me\u001b]8;;\u001b\\"),
    ("newline-forge", "x\nFORGED block 10.9.9.9  network connection INBOUND at HIGH"),
    ("crlf-forge", "x\r\nFORGED Blocklist (0 active):"),
    ("cr-overwrite", "innocent\rFORGED"),
    ("vt-ff", "a\u000bFORGED\u000cb"),
    ("nel-ls-ps", "a\u0085FORGED\u2028FORGED\u2029FORGED"),
    ("bidi-rlo", "invoice\u202egnp.exe"),
    ("bidi-all", "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"),
    ("nul", "a\u0000b"),
    ("del", "a\u007fb"),
    ("c1", "a\u0080\u0085\u008d\u0090\u009b31m\u009d0;t\u009c\u009fb"),
    ("backspace", "visible\b\b\b\b\b\b\bhidden"),
    ("tab", "a\tb"),
    ("bell", "ring\u0007\u0007"),
    ("zero-width", "a\u200b\u200c\u200d\u2060\ufeffb"),
    ("slack-channel", "<!channel> <!here> <!everyone>"),
    ("slack-at", "@here @channel @everyone"),
    ("slack-user", "<@U12345678> <#C12345678>"),
    ("slack-format", "*bold* _italic_ ~strike~ `code` ```block```"),
    ("slack-link", "<http://evil.example/login|AWS console>"),
    ("slack-bare-url", "http://evil.example/login?next=aws"),
    ("slack-entities", "&amp; &lt;!channel&gt; &gt; < > &"),
    ("markdown-link", "[AWS](http://evil.example)"),
    ("long", "L" * 100000),
    ("long-ansi", "\u001b[31m" * 20000),
    ("lone-surrogate", "a\ud800b\udfffc"),
    ("noncharacter", "a\ufffe\uffffb\ufdd0"),
    ("emoji", "\U0001F525 fire \U0001F600"),
    ("combining", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301"),
]

TEXT_FIELDS = [
    ("id", ["detail", "id"]),
    ("type", ["detail", "type"]),
    ("title", ["detail", "title"]),
    ("description", ["detail", "description"]),
    ("country", ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails",
                 "country", "countryName"]),
    ("org", ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails",
             "organization", "asnOrg"]),
    ("asn", ["detail", "service", "action", "networkConnectionAction", "remoteIpDetails",
             "organization", "asn"]),
    ("region", ["detail", "region"]),
    ("account", ["detail", "accountId"]),
]


def hostile_text():
    f = "hostile-text"
    n = 0
    for p, (pname, payload) in enumerate(PAYLOADS):
        # Each payload goes into one field, rotating, and the first twelve also into the type,
        # which the state keeps and `list` prints later.
        fields = [TEXT_FIELDS[p % len(TEXT_FIELDS)]]
        if p < 12 and fields[0][0] != "type":
            fields.append(TEXT_FIELDS[1])
        for field, path in fields:
            n += 1
            ip = "198.51.100.%d" % (100 + n % 90)
            e = gd("t-%03d" % n, v4=ip, sev=8,
                   typ="UnauthorizedAccess:EC2/MaliciousIPCaller.Custom")
            value = payload
            if field == "type":
                value = "UnauthorizedAccess:EC2/" + payload
            elif field == "id":
                value = "t-%03d-%s" % (n, payload)
            e = mut(e, path, value)
            # Half the files carry the characters raw in the JSON (legal beyond U+001F).
            write(f, "gd-%s-%s.json" % (field, pname), dump(e, ascii_only=(n % 2 == 0)))
    for pname, payload in PAYLOADS[:10]:
        n += 1
        e = asff("t-asff-%03d" % n, v4="203.0.113.%d" % (100 + n % 90), sev="HIGH")
        finding = e["detail"]["findings"][0]
        finding["Title"] = payload
        finding["Description"] = payload
        finding["Types"] = ["TTPs/Initial Access/" + payload]
        write(f, "asff-title-types-%s.json" % pname, e)
    for pname, payload in PAYLOADS[:6]:
        n += 1
        b = bare("t-bare-%03d" % n, v4="203.0.113.%d" % (100 + n % 90), sev=8.0)
        b["Id"] = "t-bare-%03d-%s" % (n, payload)
        b["Type"] = "Recon:EC2/" + payload
        write(f, "bare-id-type-%s.json" % pname, b)


# ---------------------------------------------------------------- victims and own addresses


VICTIM_TYPES = [
    ("Recon:EC2/Portscan", "OUTBOUND", "ACTOR"),
    ("Impact:EC2/PortSweep", "OUTBOUND", "ACTOR"),
    ("DenialOfService:EC2/UdpOnTcpPorts", "OUTBOUND", "ACTOR"),
    ("DenialOfService:EC2/UnusualProtocol", "OUTBOUND", "ACTOR"),
    ("DenialOfService:EC2/DNS", "OUTBOUND", "ACTOR"),
    ("DenialOfService:EC2/TCP", "OUTBOUND", "ACTOR"),
    ("DenialOfService:EC2/UDP", "OUTBOUND", "ACTOR"),
    ("UnauthorizedAccess:EC2/SSHBruteForce", "OUTBOUND", "ACTOR"),
    ("UnauthorizedAccess:EC2/RDPBruteForce", "OUTBOUND", "ACTOR"),
    ("Backdoor:EC2/Spambot", "OUTBOUND", "ACTOR"),
    ("Behavior:EC2/NetworkPortUnusual", "OUTBOUND", "ACTOR"),
    ("Behavior:EC2/TrafficVolumeUnusual", "OUTBOUND", "ACTOR"),
]


def victims():
    f = "victim"
    for i, (typ, direction, role) in enumerate(VICTIM_TYPES):
        slug = typ.replace(":", "-").replace("/", "-").replace(".", "-")
        write(f, "gd-%s.json" % slug, gd("v-%02d" % i, v4="192.0.2.%d" % (100 + i), sev=8,
                                         typ=typ, direction=direction, role=role))
    for i, (typ, direction, role) in enumerate(VICTIM_TYPES[:6]):
        slug = typ.replace(":", "-").replace("/", "-").replace(".", "-")
        write(f, "asff-%s.json" % slug,
              asff("v-asff-%02d" % i, v4="192.0.2.%d" % (120 + i), sev="HIGH",
                   typ=typ.replace("/", "-"), role=role, direction=direction))
    write(f, "gd-portscan-ipv6-victim.json",
          gd("v-v6", v6="2001:db8:bad::30", sev=8, typ="Recon:EC2/Portscan", direction="OUTBOUND",
             role="ACTOR"))
    write(f, "bare-portscan.json",
          mut(bare("v-bare", v4="192.0.2.131", sev=5.0, typ="Recon:EC2/Portscan"),
              ["Service", "ResourceRole"], "ACTOR"))
    # The workload's own addresses as the remote.
    write(f, "gd-remote-is-own-public-ip.json",
          gd("v-own-1", v4="192.0.2.140", sev=8, public_ip="192.0.2.140"))
    e = gd("v-own-2", v4="192.0.2.141", sev=8)
    e["detail"]["service"]["action"]["networkConnectionAction"]["localIpDetails"] = {
        "ipAddressV4": "192.0.2.141"}
    write(f, "gd-remote-is-local-ip-details.json", e)
    e = gd("v-own-3", v6="2001:db8:bad::142", sev=8)
    e["detail"]["resource"]["instanceDetails"]["networkInterfaces"][0]["ipv6Addresses"] = [
        "2001:db8:bad::142"]
    write(f, "gd-remote-is-own-ipv6.json", e)
    e = gd("v-own-4", v4="192.0.2.143", sev=8)
    e["detail"]["resource"]["instanceDetails"]["networkInterfaces"].append(
        {"networkInterfaceId": "eni-2", "privateIpAddress": "172.31.1.1", "publicIp": "192.0.2.143"})
    write(f, "gd-remote-is-second-eni-public-ip.json", e)
    e = asff("v-own-5", v4="192.0.2.144", sev="HIGH")
    e["detail"]["findings"][0]["Resources"][0]["Details"]["AwsEc2Instance"]["IpV4Addresses"] = [
        "172.31.33.8", "192.0.2.144"]
    write(f, "asff-remote-is-resource-ip.json", e)
    write(f, "ocsf-portscan-outbound.json",
          ocsf("v-ocsf-1", "192.0.2.145", typ="Recon:EC2/Portscan", direction="Outbound"))
    write(f, "ocsf-remote-is-local-endpoint.json",
          ocsf("v-ocsf-2", "192.0.2.146", local="192.0.2.146"))
    e = ocsf("v-ocsf-3", "198.51.100.147")
    e["detail"]["findings"][0]["evidences"][0].pop("connection_info")
    e["detail"]["findings"][0]["evidences"][0]["dst_endpoint"]["ip"] = "192.0.2.147"
    write(f, "ocsf-no-direction.json", e)
    # Callers of AWS APIs: a VPC firewall does not stop them.
    for i, typ in enumerate(["UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS",
                             "CredentialAccess:IAMUser/AnomalousBehavior",
                             "UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B"]):
        slug = typ.split("/")[1].replace(".", "-")
        write(f, "gd-api-caller-%s.json" % slug,
              gd_action("v-api-%d" % i, "AWS_API_CALL", "192.0.2.%d" % (150 + i), sev=8, typ=typ))


# ---------------------------------------------------------------- archived, accounts, severity


def archived():
    f = "archived"
    write(f, "gd-archived-true.json",
          mut(gd("r-1", v4="192.0.2.160", sev=8), ["detail", "service", "archived"], True))
    write(f, "gd-archived-port-probe.json",
          mut(gd_action("r-2", "PORT_PROBE", "192.0.2.161"), ["detail", "service", "archived"],
              True))
    base = asff("r-asff", v4="192.0.2.162", sev="HIGH")
    for i, (name, path, value) in enumerate([
            ("record-state-archived", ["RecordState"], "ARCHIVED"),
            ("workflow-suppressed", ["Workflow", "Status"], "SUPPRESSED"),
            ("workflow-resolved", ["Workflow", "Status"], "RESOLVED"),
            ("workflow-suppressed-lowercase", ["Workflow", "Status"], "suppressed")]):
        e = mut(base, ["detail", "findings", 0] + path, value)
        e = mut(e, ["detail", "findings", 0, "Id"], "r-asff-%d" % i)
        write(f, "asff-%s.json" % name, e)
    write(f, "bare-archived.json",
          mut(bare("r-bare", v4="192.0.2.163", sev=8.0), ["Service", "Archived"], True))
    e = asff("r-mixed", v4="192.0.2.164", sev="HIGH")
    e["detail"]["findings"][0]["RecordState"] = "ARCHIVED"
    live = asff("r-mixed-live", v4="198.51.100.164", sev="HIGH")["detail"]["findings"][0]
    e["detail"]["findings"].append(live)
    write(f, "asff-archived-next-to-live.json", e)
    # A non-GuardDuty ASFF finding next to a GuardDuty one: routing is per finding (defect 6).
    e = asff("r-inspector", v4="192.0.2.165", sev="HIGH")
    other = e["detail"]["findings"][0]
    other["ProductArn"] = "arn:aws:securityhub:eu-west-1::product/aws/inspector"
    other["ProductName"] = "Inspector"
    other["ProductFields"]["aws/securityhub/ProductName"] = "Inspector"
    other["GeneratorId"] = "inspector"
    other["Id"] = "arn:aws:inspector2:eu-west-1:%s:finding/r-inspector" % ACCOUNT
    e["detail"]["findings"].append(
        asff("r-gd-next", v4="198.51.100.165", sev="HIGH")["detail"]["findings"][0])
    write(f, "asff-other-product-next-to-guardduty.json", e)
    for i, (name, key, value) in enumerate([("status-suppressed", "status", "Suppressed"),
                                            ("status-resolved", "status", "Resolved"),
                                            ("status-resolved-upper", "status", "RESOLVED"),
                                            ("activity-close", "activity_name", "Close")]):
        e = ocsf("r-ocsf-%d" % i, "192.0.2.%d" % (166 + i))
        e["detail"]["findings"][0][key] = value
        write(f, "ocsf-%s.json" % name, e)
    write(f, "ocsf-other-product.json", ocsf("r-ocsf-edr", "192.0.2.170", sev=5,
                                             typ="Execution/Reverse Shell", product="Example EDR"))


def without_account(event):
    """The event with the account also gone from every ARN, so nothing names it."""
    return json.loads(json.dumps(event).replace(":%s:" % ACCOUNT, "::"))


def accounts():
    f = "accounts"
    write(f, "_config.json", {"accounts": [ACCOUNT]})
    gdb = gd("c-base", v4="192.0.2.170", sev=8)
    write(f, "gd-no-account-anywhere.json", without_account(
          mut(mut(gdb, ["detail", "accountId"], DELETE), ["account"], DELETE)))
    write(f, "gd-account-null.json",
          mut(mut(gdb, ["detail", "accountId"], None), ["account"], None))
    write(f, "gd-account-empty.json", mut(mut(gdb, ["detail", "accountId"], ""), ["account"], ""))
    write(f, "gd-other-account.json",
          mut(mut(gdb, ["detail", "accountId"], "999988887777"), ["account"], "999988887777"))
    write(f, "gd-account-padded.json",
          mut(mut(gdb, ["detail", "accountId"], " 999988887777 "), ["account"], "999988887777"))
    write(f, "lambda-test-event-no-account.json",
          {"region": "us-east-1", "detail": mut(gdb["detail"], ["accountId"], DELETE)})
    ab = asff("c-asff", v4="192.0.2.171", sev="HIGH")
    write(f, "asff-no-account.json", without_account(
          mut(mut(ab, ["detail", "findings", 0, "AwsAccountId"], DELETE), ["account"], DELETE)))
    write(f, "asff-other-account.json",
          mut(ab, ["detail", "findings", 0, "AwsAccountId"], "999988887777"))
    bb = bare("c-bare", v4="192.0.2.172", sev=5.0)
    write(f, "bare-no-account.json", without_account(mut(bb, ["AccountId"], DELETE)))
    write(f, "bare-other-account.json", mut(bb, ["AccountId"], "999988887777"))
    write(f, "gd-in-filter.json", gd("c-ok", v4="198.51.100.173", sev=8))
    expect(f, "gd-in-filter.json", "198.51.100.173/32")


SEVERITIES = [0, 0.9, 1, 3.9, 4, 6.9, 7, 8.9, 9, 10, 10.1, -1, "8.5", " critical ", "HIGH",
              "high", "Medium", 100, "8", "0x8", "NaN", " 5 "]


def severity():
    f = "severity"
    for i, sev in enumerate(SEVERITIES):
        name = str(sev).strip().replace(" ", "_") or "blank"
        write(f, "gd-severity-%02d-%s.json" % (i, name),
              gd("s-%02d" % i, v4="198.51.100.%d" % (200 - i - 1), sev=sev))
    for i, label in enumerate(["CRITICAL", "MEDIUM", "LOW", "INFORMATIONAL", "high", " HIGH ",
                               ""]):
        write(f, "asff-label-%02d-%s.json" % (i, label.strip().lower() or "blank"),
              asff("s-asff-%02d" % i, v4="203.0.113.%d" % (200 + i), sev=label))
    for i, sev in enumerate([0, 1, 2, 2.5, 3, 4, 5, 6, 7, 99, -1, "4", " High "]):
        name = str(sev).strip().replace(" ", "_")
        write(f, "ocsf-severity_id-%02d-%s.json" % (i, name),
              ocsf("s-ocsf-%02d" % i, "203.0.113.%d" % (220 + i), sev=sev))


# ---------------------------------------------------------------- valid controls


def valid():
    f = "valid"
    write(f, "01-gd-ssh-inbound.json", gd("ok-01", v4="198.51.100.7", sev=2))
    expect(f, "01-gd-ssh-inbound.json", "198.51.100.7/32")
    write(f, "02-gd-c2-outbound.json",
          gd("ok-02", v4="203.0.113.7", sev=8, typ="Backdoor:EC2/C&CActivity.B",
             direction="OUTBOUND", role="ACTOR"))
    expect(f, "02-gd-c2-outbound.json", "203.0.113.7/32")
    e = gd_action("ok-03", "PORT_PROBE", "198.51.100.8", sev=2,
                  typ="Recon:EC2/PortProbeUnprotectedPort")
    probes = e["detail"]["service"]["action"]["portProbeAction"]["portProbeDetails"]
    probes.append(mut(probes[0], ["remoteIpDetails"], {"ipAddressV4": "10.0.0.8"}))
    probes.append(mut(probes[0], ["remoteIpDetails"], {"ipAddressV6": "2001:db8:1::8"}))
    probes.append(mut(probes[0], ["remoteIpDetails"], {"ipAddressV6": "::ffff:10.0.0.9"}))
    write(f, "03-gd-port-probe-mixed.json", e)
    expect(f, "03-gd-port-probe-mixed.json", "198.51.100.8/32", "2001:db8:1::8/128")
    write(f, "04-gd-ipv6.json", gd("ok-04", v6="2001:db8::9", sev=5,
                                   typ="UnauthorizedAccess:EC2/RDPBruteForce"))
    expect(f, "04-gd-ipv6.json", "2001:db8::9/128")
    write(f, "05-gd-mapped-public.json", gd("ok-05", v6="::ffff:198.51.100.10", sev=5))
    expect(f, "05-gd-mapped-public.json", "198.51.100.10/32")
    write(f, "06-asff-action.json", asff("ok-06", v4="203.0.113.11", sev="HIGH"))
    expect(f, "06-asff-action.json", "203.0.113.11/32")
    write(f, "07-asff-productfields-only.json",
          asff("ok-07", v4="203.0.113.12", sev="HIGH", product_fields_only=True))
    expect(f, "07-asff-productfields-only.json", "203.0.113.12/32")
    write(f, "08-bare-get-findings.json", bare("ok-08", v4="198.51.100.13"))
    expect(f, "08-bare-get-findings.json", "198.51.100.13/32")
    write(f, "09-findings-page.json", {"Findings": [bare("ok-09", v4="198.51.100.14")]})
    expect(f, "09-findings-page.json", "198.51.100.14/32")
    write(f, "10-array-of-two.json",
          [gd("ok-10a", v4="198.51.100.15", sev=5), gd("ok-10b", v4="203.0.113.15", sev=2)])
    expect(f, "10-array-of-two.json", "198.51.100.15/32", "203.0.113.15/32")
    write(f, "11-lines.ndjson", json.dumps(gd("ok-11a", v4="198.51.100.16")) + "\n"
          + json.dumps(gd("ok-11b", v6="2001:db8:2::16")) + "\n")
    expect(f, "11-lines.ndjson", "198.51.100.16/32", "2001:db8:2::16/128")
    write(f, "12-bom-utf8.json", b"\xef\xbb\xbf" + dump(gd("ok-12", v4="198.51.100.17")).encode())
    expect(f, "12-bom-utf8.json", "198.51.100.17/32")
    write(f, "13-findings-page-lowercase.json", {"findings": [bare("ok-13", v4="198.51.100.18")]})
    expect(f, "13-findings-page-lowercase.json", "198.51.100.18/32")
    pascal = bare("ok-14", v4="198.51.100.19")
    write(f, "14-envelope-pascal-detail.json",
          {"version": "0", "id": "ev-ok-14", "detail-type": "GuardDuty Finding",
           "source": "aws.guardduty", "account": ACCOUNT, "time": "2026-11-20T10:00:00Z",
           "region": "us-east-1", "resources": [], "detail": pascal})
    expect(f, "14-envelope-pascal-detail.json", "198.51.100.19/32")
    write(f, "15-lambda-console-test-event.json",
          {"region": "us-east-1", "detail": gd("ok-15", v4="203.0.113.19")["detail"]})
    expect(f, "15-lambda-console-test-event.json", "203.0.113.19/32")
    write(f, "16-gd-api-call-medium.json",
          gd_action("ok-16", "AWS_API_CALL", "203.0.113.20", sev=5))
    expect(f, "16-gd-api-call-medium.json", "203.0.113.20/32")
    write(f, "17-gd-eks-remote-not-source-ips.json",
          mut(gd_action("ok-17", "KUBERNETES_API_CALL", "203.0.113.21", sev=5,
                        typ="Discovery:Kubernetes/MaliciousIPCaller"),
              ["detail", "service", "action", "kubernetesApiCallAction", "sourceIPs"],
              ["192.0.2.250"]))
    expect(f, "17-gd-eks-remote-not-source-ips.json", "203.0.113.21/32")
    write(f, "18-gd-rds-login.json",
          gd_action("ok-18", "RDS_LOGIN_ATTEMPT", "2001:db8:3::22", sev=8,
                    typ="CredentialAccess:RDS/MaliciousIPCaller.SuccessfulLogin"))
    expect(f, "18-gd-rds-login.json", "2001:db8:3::22/128")
    write(f, "19-gd-uppercase-ipv6.json", gd("ok-19", v6="2001:DB8:4::23", sev=5))
    expect(f, "19-gd-uppercase-ipv6.json", "2001:db8:4::23/128")
    write(f, "20-gd-tor-client.json", gd("ok-20", v4="198.51.100.24", sev=8,
                                         typ="UnauthorizedAccess:EC2/TorClient",
                                         direction="OUTBOUND", role="ACTOR"))
    expect(f, "20-gd-tor-client.json", "198.51.100.24/32")
    write(f, "21-ocsf-inbound.json", ocsf("ok-21", "198.51.100.25", sev=2))
    expect(f, "21-ocsf-inbound.json", "198.51.100.25/32")
    write(f, "22-ocsf-c2-outbound.json",
          ocsf("ok-22", "203.0.113.26", typ="Backdoor:EC2/C&CActivity.B", direction="Outbound"))
    expect(f, "22-ocsf-c2-outbound.json", "203.0.113.26/32")
    e = ocsf("ok-23", "198.51.100.27", sev=2, typ="Recon:EC2/PortProbeUnprotectedPort")
    e["detail"]["findings"][0]["evidences"][0].pop("connection_info")
    write(f, "23-ocsf-port-probe.json", e)
    expect(f, "23-ocsf-port-probe.json", "198.51.100.27/32")
    e = ocsf("ok-24", "203.0.113.28", sev=3, typ="UnauthorizedAccess:IAMUser/TorIPCaller")
    e["detail"]["findings"][0]["evidences"] = [
        {"api": {"operation": "ListBuckets"}, "src_endpoint": {"ip": "203.0.113.28"}}]
    write(f, "24-ocsf-tor-api-call.json", e)
    expect(f, "24-ocsf-tor-api-call.json", "203.0.113.28/32")
    write(f, "25-ocsf-bare-finding.json",
          ocsf("ok-25", "198.51.100.29", sev=2)["detail"]["findings"][0])
    expect(f, "25-ocsf-bare-finding.json", "198.51.100.29/32")


FOLDERS = ["malformed", "wrong-types", "tolerated", "addresses", "hostile-text", "victim",
           "archived", "accounts", "severity", "valid"]


def main():
    for folder in FOLDERS:
        shutil.rmtree(os.path.join(ROOT, folder), ignore_errors=True)
    malformed()
    wrong_types()
    tolerated()
    addresses()
    hostile_text()
    victims()
    archived()
    accounts()
    severity()
    valid()
    with open(os.path.join(ROOT, "expected-blocks.txt"), "w") as out:
        out.write("# file (relative to this folder) and the CIDRs its replay must render;"
                  " written by generate.py\n")
        out.write("\n".join(sorted(EXPECTED)) + "\n")


if __name__ == "__main__":
    main()
