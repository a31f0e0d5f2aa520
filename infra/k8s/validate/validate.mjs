#!/usr/bin/env node
// Offline schema validation of rendered Kubernetes manifests: every object of a multi-document YAML stream is
// checked against the OpenAPI schema of its apiVersion/kind, from the kubernetes-models packages (Kubernetes,
// KEDA, Strimzi, Prometheus Operator). An object whose kind has no known schema FAILS: nothing is skipped.
//
//   kubectl kustomize infra/k8s/overlays/production | node infra/k8s/validate/validate.mjs
//   node infra/k8s/validate/validate.mjs rendered.yaml [more.yaml ...]
//
// Exit status: 0 all objects valid; 1 at least one invalid or unknown object; 2 unreadable input (bad YAML, no
// objects at all). Setup: `npm ci` in infra/k8s/validate (no network needed afterwards).
//
// Like the API server's schemas, these allow fields they do not define; a misspelt optional field is caught by
// `kubectl apply --dry-run=server` against a cluster, not here. Types, enums, formats and required fields are.
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

/** Where the models of an API group live; groups without a dot (and "v1") are Kubernetes' own. */
const GROUP_PACKAGES = {
  "keda.sh": "@kubernetes-models/keda/keda.sh",
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io",
  "core.strimzi.io": "@kubernetes-models/strimzi-kafka-operator/core.strimzi.io",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator/monitoring.coreos.com",
};

const KUBERNETES_GROUPS = new Set([
  "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "apps", "authentication.k8s.io",
  "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
  "events.k8s.io", "flowcontrol.apiserver.k8s.io", "networking.k8s.io", "node.k8s.io", "policy",
  "rbac.authorization.k8s.io", "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io",
]);

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** The model class of apiVersion/kind, or an explanation why there is none. */
async function modelOf(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !apiVersion || !kind) {
    return { error: "apiVersion and kind must be non-empty strings" };
  }
  const parts = apiVersion.split("/");
  if (parts.length > 2 || !parts.every((p) => SAFE_SEGMENT.test(p)) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return { error: `malformed apiVersion/kind ${apiVersion}/${kind}` };
  }
  const [group, version] = parts.length === 1 ? ["", parts[0]] : parts;
  let base;
  if (group === "") {
    base = "kubernetes-models";
  } else if (KUBERNETES_GROUPS.has(group)) {
    base = `kubernetes-models/${group}`;
  } else if (GROUP_PACKAGES[group]) {
    base = GROUP_PACKAGES[group];
  } else {
    return { error: `unknown API group "${group}": no schema to validate ${kind} against` };
  }
  let module;
  try {
    module = await import(`${base}/${version}/${kind}`);
  } catch (e) {
    return { error: `unknown kind ${kind} in ${apiVersion}: no schema (${e.code ?? e.message})` };
  }
  const Model = module[kind];
  if (typeof Model !== "function" || Model.apiVersion !== apiVersion || Model.kind !== kind
      || typeof Model.prototype.validate !== "function") {
    return { error: `${apiVersion}/${kind} is not a Kubernetes object kind` };
  }
  return { Model };
}

function describe(object, index) {
  const meta = object && typeof object === "object" ? object.metadata ?? {} : {};
  const where = meta.namespace ? `${meta.namespace}/` : "";
  const kind = object && typeof object === "object" ? object.kind : undefined;
  return `#${index + 1} ${kind ?? "(no kind)"} ${where}${meta.name ?? "(no name)"}`;
}

/** Validates one parsed object; returns the list of problems (empty when valid). */
export async function validateObject(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return ["not an object"];
  }
  const problems = [];
  const { Model, error } = await modelOf(object.apiVersion, object.kind);
  if (error) {
    return [error];
  }
  const metadata = object.metadata;
  if (metadata === null || typeof metadata !== "object" || typeof metadata.name !== "string" || !metadata.name) {
    problems.push("metadata.name is required");
  }
  try {
    new Model(object).validate();
  } catch (e) {
    problems.push(...String(e.message ?? e).split("\n").filter(Boolean));
  }
  return problems;
}

/** Validates a multi-document YAML text; returns { objects, invalid, reports }. */
export async function validateText(text, source = "input") {
  const documents = yaml.loadAll(text, null, { filename: source });
  const reports = [];
  let objects = 0;
  let invalid = 0;
  for (const [index, document] of documents.entries()) {
    if (document === null || document === undefined) {
      continue; // an empty document between two "---"
    }
    objects++;
    const problems = await validateObject(document);
    if (problems.length > 0) {
      invalid++;
      reports.push(`${source} ${describe(document, index)}:\n  - ${problems.join("\n  - ")}`);
    }
  }
  return { objects, invalid, reports };
}

async function main(args) {
  const sources = args.length > 0 ? args : ["-"];
  let objects = 0;
  let invalid = 0;
  const kinds = new Map();
  for (const source of sources) {
    let text;
    let result;
    try {
      text = readFileSync(source === "-" ? 0 : source, "utf8");
      result = await validateText(text, source === "-" ? "stdin" : source);
    } catch (e) {
      console.error(`${source}: cannot read or parse: ${e.message}`);
      return 2;
    }
    for (const document of yaml.loadAll(text)) {
      if (document && typeof document === "object" && typeof document.kind === "string") {
        kinds.set(document.kind, (kinds.get(document.kind) ?? 0) + 1);
      }
    }
    objects += result.objects;
    invalid += result.invalid;
    result.reports.forEach((report) => console.error(report));
  }
  if (objects === 0) {
    console.error("No objects to validate (empty input?)");
    return 2;
  }
  const summary = [...kinds.entries()].sort().map(([kind, count]) => `${count} ${kind}`).join(", ");
  if (invalid > 0) {
    console.error(`${invalid} of ${objects} objects are invalid (${summary})`);
    return 1;
  }
  console.log(`All ${objects} objects are valid (${summary})`);
  return 0;
}

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
