// Self-test of validate.mjs (npm test): valid objects pass; wrong types, unknown kinds and unknown groups fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { validateText } from "./validate.mjs";

const deployment = (replicas) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: goals-service
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: goals}
  template:
    metadata:
      labels: {app: goals}
    spec:
      containers:
        - name: goals-service
          image: steady/goals-service
`;

test("a valid Deployment passes", async () => {
  assert.equal((await validateText(deployment(2))).invalid, 0);
});

test("a Deployment with replicas: \"two\" fails", async () => {
  const result = await validateText(deployment('"two"'));
  assert.equal(result.invalid, 1);
  assert.match(result.reports[0], /replicas must be integer/);
});

test("an unknown kind fails instead of being skipped", async () => {
  const result = await validateText("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n");
  assert.equal(result.invalid, 1);
});

test("an unknown API group fails instead of being skipped", async () => {
  const result = await validateText("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: x}\n");
  assert.equal(result.invalid, 1);
});

test("custom resources are validated against their schemas", async () => {
  const topic = (partitions) => `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata: {name: steady.goals.events}
spec: {partitions: ${partitions}, replicas: 3}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: goals-service}
spec:
  scaleTargetRef: {name: goals-service}
  triggers: [{type: cpu, metricType: Utilization, metadata: {value: "70"}}]
`;
  assert.equal((await validateText(topic(48))).invalid, 0);
  assert.equal((await validateText(topic('"many"'))).invalid, 1);
});
