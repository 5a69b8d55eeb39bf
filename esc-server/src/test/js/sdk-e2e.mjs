// Drives every method of the ESC TypeScript SDK's EscApi class against a running OpenESC server.
// Environment: ESC_URL (http://127.0.0.1:PORT), ESC_TOKEN, ESC_ORG, and optionally ESC_SDK_DIR, the
// folder whose node_modules holds the SDK to test (default: this folder). Exits non-zero on the first
// failed assertion; prints one line per step so a failure says where it happened.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const sdkDir = process.env.ESC_SDK_DIR || here;
const require = createRequire(path.join(sdkDir, "package.json"));
const esc = require("@pulumi/esc-sdk");
const sdkVersion = require("@pulumi/esc-sdk/package.json").version;

const url = process.env.ESC_URL;
const token = process.env.ESC_TOKEN;
const org = process.env.ESC_ORG;
assert.ok(url && token && org, "ESC_URL, ESC_TOKEN and ESC_ORG must be set");

const basePath = `${url}/api/esc`;
const config = new esc.Configuration({ accessToken: token, basePath });
const client = new esc.EscApi(config);
// The SDK's EscApi rebuilds the base URL from protocol and host name only, losing the port;
// the raw client reads config.basePath on every call, so setting it again restores it.
client.config.basePath = basePath;
client.rawApi.configuration.basePath = basePath;
client.rawApi.basePath = basePath;

const project = "sdk-e2e";
const stamp = Date.now().toString(36);
const base = `base-${stamp}`;
const name = `env-${stamp}`;
const cloneProject = `${project}-clone`;
const cloneName = `${name}-clone`;
const secret = process.env.ESC_SECRET || "shh! don't tell anyone";

let steps = 0;
async function step(label, fn) {
  try {
    await fn();
    steps++;
    console.log(`ok ${steps} - ${label}`);
  } catch (err) {
    console.log(`not ok ${steps + 1} - ${label}`);
    const status = err?.response?.status;
    const body = err?.response?.data;
    console.error(status ? `HTTP ${status}: ${JSON.stringify(body)}` : err);
    process.exit(1);
  }
}

async function listAll() {
  const all = [];
  let continuationToken = undefined;
  let pages = 0;
  do {
    const page = await client.listEnvironments(org, continuationToken);
    assert.ok(page, "listEnvironments answered nothing");
    all.push(...page.environments);
    continuationToken = page.nextToken;
    assert.ok(++pages < 100, "pagination does not end");
  } while (continuationToken !== undefined && continuationToken !== "");
  return all;
}

console.log(`# @pulumi/esc-sdk ${sdkVersion} against ${url}`);

await step("createEnvironment (base and subject)", async () => {
  await client.createEnvironment(org, project, base);
  await client.createEnvironment(org, project, name);
});

await step("updateEnvironment of the base", async () => {
  const diags = await client.updateEnvironment(org, project, base, { values: { base } });
  assert.equal(diags?.diagnostics, undefined);
});

await step("cloneEnvironment", async () => {
  await client.cloneEnvironment(org, project, name, cloneProject, cloneName);
});

await step("listEnvironments follows nextToken and sees the clone", async () => {
  const all = await listAll();
  assert.ok(all.some((e) => e.project === project && e.name === name));
  assert.ok(all.some((e) => e.project === cloneProject && e.name === cloneName));
});

await step("openAndReadEnvironment of an empty environment is {}", async () => {
  const opened = await client.openAndReadEnvironment(org, project, name);
  assert.deepEqual(opened?.environment, {});
  assert.deepEqual(opened?.values, {});
});

const definition = {
  imports: [`${project}/${base}`],
  values: {
    foo: "bar",
    my_secret: { "fn::secret": secret },
    my_array: [1, 2, 3],
    pulumiConfig: { foo: "${foo}" },
    environmentVariables: { FOO: "${foo}" },
  },
};

await step("updateEnvironment answers no diagnostics", async () => {
  const diags = await client.updateEnvironment(org, project, name, definition);
  assert.notEqual(diags, undefined);
  assert.equal(diags?.diagnostics, undefined);
});

function assertDefinition(env) {
  assert.deepEqual(env.definition.imports, [`${project}/${base}`]);
  assert.equal(env.definition.values.foo, "bar");
  assert.deepEqual(env.definition.values.my_array, [1, 2, 3]);
  assert.equal(env.definition.values.pulumiConfig.foo, "${foo}");
  assert.equal(env.definition.values.environmentVariables.FOO, "${foo}");
}

await step("getEnvironment shows the secret as ciphertext", async () => {
  const env = await client.getEnvironment(org, project, name);
  assertDefinition(env);
  const shown = env.definition.values.my_secret["fn::secret"];
  assert.equal(typeof shown, "object");
  assert.ok(shown.ciphertext, "expected a ciphertext");
  assert.ok(!env.yaml.includes(secret), "the plaintext secret is in the definition");
});

await step("decryptEnvironment shows the secret in plaintext", async () => {
  const env = await client.decryptEnvironment(org, project, name);
  assertDefinition(env);
  assert.equal(env.definition.values.my_secret["fn::secret"], secret);
});

await step("openAndReadEnvironment reads every value", async () => {
  const opened = await client.openAndReadEnvironment(org, project, name);
  assert.equal(opened.values.base, base);
  assert.equal(opened.values.foo, "bar");
  assert.deepEqual(opened.values.my_array, [1, 2, 3]);
  assert.equal(opened.values.my_secret, secret);
  assert.equal(opened.values.pulumiConfig.foo, "bar");
  assert.equal(opened.values.environmentVariables.FOO, "bar");
  assert.equal(opened.environment.properties.my_secret.secret, true);
});

await step("openEnvironment + readOpenEnvironment + readOpenEnvironmentProperty", async () => {
  const session = await client.openEnvironment(org, project, name);
  assert.ok(session?.id);
  const read = await client.readOpenEnvironment(org, project, name, session.id);
  assert.equal(read.values.foo, "bar");
  const one = await client.readOpenEnvironmentProperty(org, project, name, session.id, "pulumiConfig.foo");
  assert.equal(one.value, "bar");
  const item = await client.readOpenEnvironmentProperty(org, project, name, session.id, "my_array[1]");
  assert.equal(item.value, 2);
});

await step("getEnvironmentAtVersion + a third revision", async () => {
  const env = await client.getEnvironmentAtVersion(org, project, name, "2");
  assertDefinition(env);
  env.definition.values.versioned = "true";
  await client.updateEnvironment(org, project, name, env.definition);
});

await step("listEnvironmentRevisions: create + two updates = 3 revisions, newest first", async () => {
  const revisions = await client.listEnvironmentRevisions(org, project, name);
  assert.equal(revisions.length, 3);
  assert.deepEqual(revisions.map((r) => r.number), [3, 2, 1]);
  const page = await client.listEnvironmentRevisions(org, project, name, 3, 1);
  assert.deepEqual(page.map((r) => r.number), [2]);
});

await step("createEnvironmentRevisionTag + openAndReadEnvironmentAtVersion by tag", async () => {
  await client.createEnvironmentRevisionTag(org, project, name, "testTag", 2);
  const opened = await client.openAndReadEnvironmentAtVersion(org, project, name, "testTag");
  assert.equal("versioned" in opened.values, false);
  const session = await client.openEnvironmentAtVersion(org, project, name, "3");
  assert.ok(session?.id);
});

await step("listEnvironmentRevisionTags: latest and testTag", async () => {
  const tags = await client.listEnvironmentRevisionTags(org, project, name);
  assert.deepEqual(tags.tags.map((t) => t.name), ["latest", "testTag"]);
});

await step("updateEnvironmentRevisionTag + getEnvironmentRevisionTag", async () => {
  await client.updateEnvironmentRevisionTag(org, project, name, "testTag", 3);
  const opened = await client.openAndReadEnvironmentAtVersion(org, project, name, "testTag");
  assert.equal(opened.values.versioned, "true");
  const tag = await client.getEnvironmentRevisionTag(org, project, name, "testTag");
  assert.equal(tag.revision, 3);
});

await step("deleteEnvironmentRevisionTag", async () => {
  await client.deleteEnvironmentRevisionTag(org, project, name, "testTag");
  const tags = await client.listEnvironmentRevisionTags(org, project, name);
  assert.equal(tags.tags.length, 1);
});

await step("environment tags: create, list, update, get, delete", async () => {
  await client.createEnvironmentTag(org, project, name, "owner", "esc-sdk-test");
  let tags = await client.listEnvironmentTags(org, project, name);
  assert.equal(tags.tags["owner"].name, "owner");
  assert.equal(tags.tags["owner"].value, "esc-sdk-test");
  await client.updateEnvironmentTag(org, project, name, "owner", "esc-sdk-test", "new-owner", "esc-sdk-test-updated");
  const tag = await client.getEnvironmentTag(org, project, name, "new-owner");
  assert.equal(tag.name, "new-owner");
  assert.equal(tag.value, "esc-sdk-test-updated");
  await client.deleteEnvironmentTag(org, project, name, "new-owner");
  tags = await client.listEnvironmentTags(org, project, name);
  assert.deepEqual(tags.tags, {});
});

await step("checkEnvironment of a valid definition: no diagnostics", async () => {
  const checked = await client.checkEnvironment(org, { values: { foo: "bar" } });
  assert.equal(checked?.diagnostics?.length, undefined);
  assert.equal(checked.properties.foo.value, "bar");
});

await step("checkEnvironmentYaml of a bad reference: exactly one diagnostic", async () => {
  const checked = await client.checkEnvironmentYaml(org, "values:\n  foo: bar\n  pulumiConfig:\n    foo: ${bad_ref}\n");
  assert.equal(checked.diagnostics.length, 1);
  assert.equal(checked.diagnostics[0].summary, 'unknown property "bad_ref"');
});

await step("updateEnvironmentYaml with an invalid definition is rejected", async () => {
  await assert.rejects(client.updateEnvironmentYaml(org, project, name, "values: [unclosed\n"));
  const revisions = await client.listEnvironmentRevisions(org, project, name);
  assert.equal(revisions.length, 3);
});

await step("deleteEnvironment (subject, base, clone)", async () => {
  await client.deleteEnvironment(org, project, name);
  await client.deleteEnvironment(org, project, base);
  await client.deleteEnvironment(org, cloneProject, cloneName);
  const all = await listAll();
  assert.ok(!all.some((e) => e.name === name || e.name === base || e.name === cloneName));
  await assert.rejects(client.getEnvironment(org, project, name));
});

console.log(`# ${steps} steps passed`);
