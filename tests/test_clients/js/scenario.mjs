// Drives a fleet, a stack and a user through their life cycle with the AWS SDK
// for JavaScript v3, then reads one modeled error, and prints what the SDK
// returned as one JSON document on stdout.
//
// Usage: node scenario.mjs <endpoint-url>
//
// Timestamps are printed as {"$date": "<ISO 8601>"} when the SDK returned a
// Date, so the reader can tell a parsed timestamp from a string.

import {
  AppStreamClient,
  AssociateFleetCommand,
  BatchAssociateUserStackCommand,
  CreateFleetCommand,
  CreateStackCommand,
  CreateUserCommand,
  DeleteFleetCommand,
  DeleteStackCommand,
  DeleteUserCommand,
  DescribeFleetsCommand,
  DescribeStacksCommand,
  DescribeUsersCommand,
  DescribeUserStackAssociationsCommand,
  DisassociateFleetCommand,
  ListAssociatedStacksCommand,
  ResourceNotFoundException,
  StartFleetCommand,
  StopFleetCommand,
  UpdateFleetCommand,
  UpdateStackCommand,
} from "@aws-sdk/client-appstream";

const FLEET = "js-fleet";
const STACK = "js-stack";
const USER = "bob@example.com";

const endpoint = process.argv[2];
if (!endpoint) {
  console.error("usage: node scenario.mjs <endpoint-url>");
  process.exit(2);
}

const client = new AppStreamClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  maxAttempts: 1,
});

const outputs = {};
const statusCodes = {};

async function call(step, command) {
  const { $metadata, ...output } = await client.send(command);
  statusCodes[step] = $metadata.httpStatusCode;
  outputs[step] = output;
}

await call(
  "createFleet",
  new CreateFleetCommand({
    Name: FLEET,
    ImageName: "AppStream-WinServer2019-06-12-2023",
    InstanceType: "stream.standard.medium",
    ComputeCapacity: { DesiredInstances: 1 },
  }),
);
await call("describeFleets", new DescribeFleetsCommand({ Names: [FLEET] }));
await call(
  "updateFleet",
  new UpdateFleetCommand({ Name: FLEET, DisplayName: "JS fleet" }),
);
await call("startFleet", new StartFleetCommand({ Name: FLEET }));
await call("describeStartedFleet", new DescribeFleetsCommand({ Names: [FLEET] }));
await call("stopFleet", new StopFleetCommand({ Name: FLEET }));
await call("describeStoppedFleet", new DescribeFleetsCommand({ Names: [FLEET] }));

await call("createStack", new CreateStackCommand({ Name: STACK }));
await call("describeStacks", new DescribeStacksCommand({ Names: [STACK] }));
await call(
  "updateStack",
  new UpdateStackCommand({ Name: STACK, DisplayName: "JS stack" }),
);
await call(
  "associateFleet",
  new AssociateFleetCommand({ FleetName: FLEET, StackName: STACK }),
);
await call(
  "listAssociatedStacks",
  new ListAssociatedStacksCommand({ FleetName: FLEET }),
);

await call(
  "createUser",
  new CreateUserCommand({
    UserName: USER,
    AuthenticationType: "USERPOOL",
    FirstName: "Bob",
    LastName: "Builder",
  }),
);
await call(
  "describeUsers",
  new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }),
);
await call(
  "batchAssociateUserStack",
  new BatchAssociateUserStackCommand({
    UserStackAssociations: [
      { StackName: STACK, UserName: USER, AuthenticationType: "USERPOOL" },
    ],
  }),
);
await call(
  "describeUserStackAssociations",
  new DescribeUserStackAssociationsCommand({ StackName: STACK }),
);

await call(
  "disassociateFleet",
  new DisassociateFleetCommand({ FleetName: FLEET, StackName: STACK }),
);
await call("deleteStack", new DeleteStackCommand({ Name: STACK }));
await call("deleteFleet", new DeleteFleetCommand({ Name: FLEET }));
await call(
  "deleteUser",
  new DeleteUserCommand({ UserName: USER, AuthenticationType: "USERPOOL" }),
);
await call("describeFleetsAfterDelete", new DescribeFleetsCommand({}));

let error = null;
try {
  await client.send(new DescribeFleetsCommand({ Names: ["missing"] }));
} catch (err) {
  error = {
    name: err.name,
    message: err.message,
    fault: err.$fault,
    httpStatusCode: err.$metadata?.httpStatusCode,
    isModeledClass: err instanceof ResourceNotFoundException,
  };
}

function markDates(key, value) {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.toISOString() } : value;
}

process.stdout.write(
  `${JSON.stringify({ outputs, statusCodes, error }, markDates)}\n`,
);
