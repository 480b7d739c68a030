#!/usr/bin/env python3
"""Lists the field paths of a Kubernetes configuration API, per kind, from its Go types (json tags).

Writes the test data under src/test/resources/kubeadm-fields/ that dev.rpik8s.render.KubeadmFields (src/test/java)
checks generated kubeadm configurations against. No network: it reads Go files you have checked out.

    scripts/kubeadm-fields.py --api kubeadm.k8s.io/v1beta4 --source "kubernetes/kubernetes v1.35.3 <commit>" \\
        K8S/cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go K8S/cmd/kubeadm/app/apis/bootstraptoken/v1/types.go \\
        > src/test/resources/kubeadm-fields/kubeadm.k8s.io_v1beta4.txt

Files and API versions (paths in kubernetes/kubernetes; the staging ones are also the roots of the published
repositories kubernetes/kubelet and kubernetes/kube-proxy, tagged kubernetes-1.X.Y):
    kubeadm.k8s.io/v1beta2           cmd/kubeadm/app/apis/kubeadm/v1beta2/types.go  (last in v1.25 .. v1.26)
    kubeadm.k8s.io/v1beta3           cmd/kubeadm/app/apis/kubeadm/v1beta3/types.go
                                     + cmd/kubeadm/app/apis/bootstraptoken/v1/types.go
    kubeadm.k8s.io/v1beta4           cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go
                                     + cmd/kubeadm/app/apis/bootstraptoken/v1/types.go
    kubelet.config.k8s.io/v1beta1    staging/src/k8s.io/kubelet/config/v1beta1/types.go
    kubeproxy.config.k8s.io/v1alpha1 staging/src/k8s.io/kube-proxy/config/v1alpha1/types.go

Output, one path a line, sorted; '#' lines are comments:
    Kind                          a kind: a struct that embeds metav1.TypeMeta inline
    Kind.a.b                      field b of the object in field a (json names)
    Kind.a[]                      a is a list of objects; Kind.a[].x are the fields of each item
    Kind.a                        (with no a[] nor a.x) a scalar or a list of scalars
    Kind.a.*                      a is a map with free keys (map[string]..., or a type from outside these files
                                  that is not described below: its content is not checked)
    Kind.a.*.x                    a map of objects: field x of each value

Types from outside the files read (k8s.io/api, apimachinery, component-base) are described in EXTERNAL below,
from their Go definitions; any other is written as a free map and reported on stderr.
"""

import argparse
import re
import sys

# Types defined outside the files read. "scalar": a string, number, bool or time in YAML. A dict: an object with
# these fields (each "scalar" or the name of another entry here). "free": a map whose keys are not checked.
EXTERNAL = {
    # k8s.io/apimachinery/pkg/apis/meta/v1: Duration and Time marshal as strings; TypeMeta is inlined.
    "metav1.Duration": "scalar",
    "metav1.Time": "scalar",
    "metav1.TypeMeta": {"apiVersion": "scalar", "kind": "scalar"},
    # k8s.io/api/core/v1
    "Taint": {"key": "scalar", "value": "scalar", "effect": "scalar", "timeAdded": "scalar"},
    "EnvVar": {"name": "scalar", "value": "scalar", "valueFrom": "free"},
    "PullPolicy": "scalar",
    "HostPathType": "scalar",
    "ResourceList": "free",
    "NodeConfigSource": "free",
    # kubeadm's BootstrapTokenString marshals as "abcdef.0123456789abcdef" (its MarshalJSON).
    "BootstrapTokenString": "scalar",
    # k8s.io/component-base/config/v1alpha1
    "ClientConnectionConfiguration": {"kubeconfig": "scalar", "acceptContentTypes": "scalar",
                                      "contentType": "scalar", "qps": "scalar", "burst": "scalar"},
    # k8s.io/component-base/logs/api/v1 and tracing/api/v1: not described here; their content is free.
    "LoggingConfiguration": "free",
    "TracingConfiguration": "free",
}

GO_SCALARS = {"string", "bool", "byte", "rune", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
              "uint16", "uint32", "uint64", "float32", "float64"}

TYPE_DECL = re.compile(r"^type\s+(\w+)\s+(.+?)\s*$")
FIELD = re.compile(r"^\s*(?:(\w+)\s+)?([\w.\[\]*]+)\s*(`[^`]*`)?\s*(?://.*)?$")
JSON_TAG = re.compile(r'json:"([^"]*)"')


def parse(paths):
    """Structs as {name: [(goName, type, jsonName or None, inline)]}, and the other named types as {name: type}."""
    structs, others = {}, {}
    for path in paths:
        current = None
        with open(path, encoding="utf-8") as f:
            # line comments first (one may hold "/*"), then block comments; json tags hold no "//"
            text = re.sub(r"/\*.*?\*/", "", re.sub(r"//[^\n]*", "", f.read()), flags=re.S)
            for line in text.split("\n"):
                stripped = line.strip()
                if current is None:
                    m = TYPE_DECL.match(line)
                    if m and m.group(2) == "struct {":
                        current = m.group(1)
                        structs[current] = []
                    elif m and not m.group(2).startswith("struct"):
                        others[m.group(1)] = m.group(2)
                    continue
                if stripped == "}":
                    current = None
                    continue
                if not stripped or stripped.startswith("//"):
                    continue
                m = FIELD.match(line)
                if not m:
                    raise SystemExit(f"{path}: cannot read the field line: {stripped}")
                name, typ, tag = m.group(1), m.group(2), m.group(3) or ""
                j = JSON_TAG.search(tag)
                options = j.group(1).split(",") if j else []
                json_name = options[0] if options else None
                inline = "inline" in options[1:] or (name is None and not json_name)
                if json_name == "-":
                    continue
                if name is None:          # embedded: its name is its type's
                    name = typ.lstrip("*").split(".")[-1]
                structs[current].append((name, typ, json_name or name, inline))
    return structs, others


def bare(typ):
    """The type without pointer: *metav1.Duration -> metav1.Duration."""
    return typ.lstrip("*")


def walk(prefix, typ, structs, others, out, seen, warnings):
    """Adds the paths below prefix for a value of this Go type."""
    typ = bare(typ)
    if typ.startswith("[]"):
        item = bare(typ[2:])
        if is_object(item, structs, others):
            out.add(prefix + "[]")
            walk(prefix + "[]", item, structs, others, out, seen, warnings)
        return
    if typ.startswith("map["):
        value = bare(typ[typ.index("]") + 1:])
        out.add(prefix + ".*")
        if is_object(value, structs, others):
            walk(prefix + ".*", value, structs, others, out, seen, warnings)
        return
    local = typ.split(".")[-1] if typ.split(".")[0] in ("bootstraptokenv1",) else typ
    if local in structs:
        if local in seen:
            raise SystemExit(f"recursive type {local} at {prefix}")
        for _, ftyp, json_name, inline in structs[local]:
            if inline:
                walk(prefix, ftyp, structs, others, out, seen | {local}, warnings)
            else:
                out.add(prefix + "." + json_name)
                walk(prefix + "." + json_name, ftyp, structs, others, out, seen | {local}, warnings)
        return
    if local in others:
        walk(prefix, others[local], structs, others, out, seen, warnings)
        return
    if typ in GO_SCALARS:
        return
    ext = EXTERNAL.get(typ, EXTERNAL.get(typ.split(".")[-1]))
    if ext is None:
        warnings.add(f"{typ} (at {prefix}): not described, written as free")
        out.add(prefix + ".*")
    elif ext == "free":
        out.add(prefix + ".*")
    elif isinstance(ext, dict):
        for key, sub in ext.items():
            out.add(prefix + "." + key)
            if sub == "free":
                out.add(prefix + "." + key + ".*")


def is_object(typ, structs, others):
    typ = bare(typ)
    local = typ.split(".")[-1] if typ.startswith("bootstraptokenv1.") else typ
    if local in structs:
        return True
    if local in others:
        return is_object(others[local], structs, others)
    ext = EXTERNAL.get(typ, EXTERNAL.get(typ.split(".")[-1]))
    return isinstance(ext, dict) or ext == "free"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--api", required=True, help="group/version, e.g. kubeadm.k8s.io/v1beta4")
    p.add_argument("--source", required=True, action="append",
                   help="where the files came from (repository, tag, commit); repeat for more lines")
    p.add_argument("files", nargs="+", help="the Go files that define the API's types")
    args = p.parse_args()

    structs, others = parse(args.files)
    kinds = sorted(name for name, fields in structs.items()
                   if any(t == "metav1.TypeMeta" and inline for _, t, _, inline in fields))
    out, warnings = set(), set()
    for kind in kinds:
        out.add(kind)
        walk(kind, kind, structs, others, out, frozenset(), warnings)
    for w in sorted(warnings):
        print("kubeadm-fields: " + w, file=sys.stderr)

    print(f"# Field paths of {args.api}, per kind, from the json tags of its Go types.")
    for line in args.source:
        print(f"# Source: {line}")
    print("# Made by scripts/kubeadm-fields.py (see its help for the path notation and how to regenerate).")
    print("# Licence of the source: Apache-2.0 (The Kubernetes Authors).")
    print(f"apiVersion {args.api}")
    for path in sorted(out):
        print(path)


if __name__ == "__main__":
    main()
