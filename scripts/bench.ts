// Gas benchmark of the protocol's main operations on the built-in Hardhat network.
// Prints a Markdown table; the README's performance section quotes it.
import { network } from "hardhat";

const { ethers } = await network.create();
const [admin, creator, payer, other] = await ethers.getSigners();
const ETH = ethers.ZeroAddress;
const OPEN = { remixable: true, minShareBps: 0 };

const protocol = await ethers.deployContract("RemixProtocol", [
  admin.address,
  admin.address,
  2_000,
  1_000,
]);
const usd = await ethers.deployContract("MockERC20", ["Bench USD", "bUSD", 6]);
const token = await usd.getAddress();
await protocol.setTokenAllowed(token, true);
await usd.mint(payer.address, 10n ** 30n);
await usd.connect(payer).approve(await protocol.getAddress(), ethers.MaxUint256);

const rows: Array<[string, bigint]> = [];
let labelCounter = 0;
const uri = () => `ipfs://${ethers.id(`uri-${labelCounter}`).slice(2, 54)}`; // 59 characters
const hash = () => ethers.id(`bench-${++labelCounter}`);

/** Intrinsic calldata gas: 4 per zero byte, 16 per other byte. */
function calldataGas(data: string): bigint {
  const bytes = ethers.getBytes(data);
  return bytes.reduce((sum, byte) => sum + (byte === 0 ? 4n : 16n), 0n);
}
async function gasOf(
  txPromise: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>,
): Promise<bigint> {
  const receipt = await (await txPromise).wait();
  return receipt!.gasUsed;
}
async function record(
  label: string,
  txPromise: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>,
) {
  const gas = await gasOf(txPromise);
  rows.push([label, gas]);
  return gas;
}
async function original(signer = creator): Promise<bigint> {
  await protocol.connect(signer).registerOriginal(hash(), uri(), OPEN);
  return protocol.totalAssets();
}
async function remix(parents: bigint[], shareBps = 500, signer = creator): Promise<bigint> {
  await protocol.connect(signer).registerRemix(
    hash(),
    uri(),
    OPEN,
    parents.map((parentId) => ({ parentId, shareBps })),
  );
  return protocol.totalAssets();
}

if (uri().length !== 59) throw new Error("benchmark URI must be 59 characters");

// Registration
await record(
  "register original, creator's first asset (59-char URI)",
  protocol.connect(other).registerOriginal(hash(), uri(), OPEN),
);
await record(
  "register original, creator already holds assets (59-char URI)",
  protocol.connect(other).registerOriginal(hash(), uri(), OPEN),
);
const roots: bigint[] = [];
for (let i = 0; i < 16; i++) roots.push(await original());
for (const n of [1, 4, 16]) {
  await record(
    `register remix with ${n} parent${n > 1 ? "s" : ""}`,
    protocol.connect(creator).registerRemix(
      hash(),
      uri(),
      OPEN,
      roots.slice(0, n).map((parentId) => ({ parentId, shareBps: 500 })),
    ),
  );
}

// A chain of depth 1,000: asset k remixes asset k-1.
const depth1 = await remix([roots[0]], 3_000);
let tip = depth1;
for (let d = 2; d <= 1_000; d++) tip = await remix([tip], 3_000);
const depth1000 = tip;

// Payments: the first payment creates the asset's balance; steady state pays into nonzero balances.
// One payment beforehand creates the protocol's fee balances, so depth 1 and 1,000 start alike.
await protocol.connect(payer).pay(roots[1], ETH, 10n ** 18n, { value: 10n ** 18n });
await protocol.connect(payer).pay(roots[1], token, 10n ** 6n);
const payGas: Record<string, bigint> = {};
for (const [name, id] of [
  ["depth 1", depth1],
  ["depth 1,000", depth1000],
] as const) {
  await record(
    `pay ETH, ${name}, first payment`,
    protocol.connect(payer).pay(id, ETH, 10n ** 18n, { value: 10n ** 18n }),
  );
  const tx = await protocol.connect(payer).pay(id, ETH, 10n ** 18n, { value: 10n ** 18n });
  payGas[name] =
    (await record(`pay ETH, ${name}, steady state`, Promise.resolve(tx))) - calldataGas(tx.data);
  await record(
    `pay ERC-20, ${name}, first payment`,
    protocol.connect(payer).pay(id, token, 10n ** 6n),
  );
  await record(
    `pay ERC-20, ${name}, steady state`,
    protocol.connect(payer).pay(id, token, 10n ** 6n),
  );
}
const paidOriginal = roots[0];
await protocol.connect(payer).pay(paidOriginal, ETH, 10n ** 18n, { value: 10n ** 18n });
await record(
  "pay ETH to an original, steady state",
  protocol.connect(payer).pay(paidOriginal, ETH, 10n ** 18n, { value: 10n ** 18n }),
);

if (payGas["depth 1"] !== payGas["depth 1,000"]) throw new Error("payment gas depends on depth");
rows.push(["pay ETH execution gas (less calldata), depth 1 and 1,000", payGas["depth 1"]]);

// Splitting one hop, in steady state (every balance involved already nonzero): into an original
// parent (credited to its collectable balance) and into a remix parent (to its splittable balance).
for (const [name, id] of [
  ["original parent", depth1],
  ["remix parent", depth1000],
] as const) {
  await protocol.split(id, ETH);
  await protocol.connect(payer).pay(id, ETH, 10n ** 18n, { value: 10n ** 18n });
  await record(`split 1 parent (${name}), steady state`, protocol.split(id, ETH));
}
const wide = await remix(roots, 500);
await protocol.connect(payer).pay(wide, ETH, 10n ** 18n, { value: 10n ** 18n });
const split16 = await record("split 16 parents (fresh parent balances)", protocol.split(wide, ETH));
rows.push(["  … per parent", split16 / 16n]);

// Claims
await record("claim 1 asset, ETH", protocol.connect(creator).claim(depth1, ETH, creator.address));
await record(
  "claimMany 1 asset x 2 tokens",
  protocol.connect(creator).claimMany([roots[0]], [ETH, token], creator.address),
);
const fifty: bigint[] = [];
for (let i = 0; i < 50; i++) {
  const id = await original();
  await protocol.connect(payer).pay(id, ETH, 10n ** 15n, { value: 10n ** 15n });
  fifty.push(id);
}
await record(
  "claimMany 50 assets, ETH (one transfer)",
  protocol.connect(creator).claimMany(fifty, [ETH], creator.address),
);

const width = Math.max(...rows.map(([label]) => label.length));
console.log(`| ${"operation".padEnd(width)} |       gas |`);
console.log(`| ${"-".repeat(width)} | --------: |`);
for (const [label, gas] of rows)
  console.log(`| ${label.padEnd(width)} | ${gas.toLocaleString("en-US").padStart(9)} |`);
