// The protocol's story on the built-in Hardhat network: deploy with Ignition, register an
// original and two levels of remixes, pay for uses in ETH and in a 6-decimal stablecoin, move the
// money up the tree and claim it. Every figure printed is read back from the chain.
import { network } from "hardhat";
import RemixProtocolModule from "../ignition/modules/RemixProtocol.js";
import type { Licensing, RemixProtocol } from "../types/ethers-contracts/index.js";

const { ethers, ignition } = await network.create();
const [admin, alice, bob, carol, viewer] = await ethers.getSigners();
const ETH = ethers.ZeroAddress;

const deployment = await ignition.deploy(RemixProtocolModule, {
  parameters: { RemixProtocol: { treasury: admin.address, feeBps: 1_000, maxFeeBps: 2_000 } },
});
const protocol = deployment.protocol as unknown as RemixProtocol;
const licensing = deployment.licensing as unknown as Licensing;
const usd = await ethers.deployContract("MockERC20", ["Demo USD", "dUSD", 6]);
const usdAddress = await usd.getAddress();
await protocol.connect(admin).setTokenAllowed(usdAddress, true);
await usd.mint(viewer.address, 1_000_000_000n);
await usd.connect(viewer).approve(await protocol.getAddress(), ethers.MaxUint256);

const REMIX = 2;
const DEADLINE = 2n ** 40n;
const REMIX_PRICE = ethers.parseEther("0.05");

/** The owner of `id` licenses it for remixes at 0.05 ETH, requiring at least a 30% share. */
async function licenseForRemix(owner: typeof alice, id: bigint): Promise<void> {
  await licensing.connect(owner).setTerms(id, REMIX, {
    allowed: true,
    currency: ethers.ZeroAddress,
    price: REMIX_PRICE,
    duration: 0,
    minShareBps: 3_000,
    documentHash: ethers.id("Remix terms: credit the original; no political use."),
    documentURI: "ipfs://bafkreiremixtermsdocument",
  });
}

async function register(
  signer: typeof alice,
  title: string,
  parents: Array<{ parentId: bigint; shareBps: number }>,
): Promise<bigint> {
  const hash = ethers.id(`demo:${title}`);
  const uri = `ipfs://${ethers.id(title).slice(2, 54)}`;
  // A remix buys each parent's remix licence in the same transaction.
  const tx = parents.length
    ? await licensing.connect(signer).registerRemixWithLicences(
        hash,
        uri,
        parents,
        parents.map(() => 0n),
        parents.map(() => ({ currency: ETH, amount: REMIX_PRICE })),
        DEADLINE,
        { value: REMIX_PRICE * BigInt(parents.length) },
      )
    : await protocol.connect(signer).registerOriginal(hash, uri);
  await tx.wait();
  const id = await protocol.assetIdOf(hash);
  console.log(
    `  #${id} "${title}" by ${signer.address.slice(0, 8)}…${parents.length ? ` remixing ${parents.map((p) => `#${p.parentId} at ${p.shareBps / 100}% (remix licence bought for 0.05 ETH)`).join(", ")}` : " (original)"}`,
  );
  return id;
}

const fmtEth = (wei: bigint) => `${ethers.formatEther(wei)} ETH`;
const fmtUsd = (units: bigint) => `${ethers.formatUnits(units, 6)} dUSD`;

console.log(
  `RemixProtocol at ${await protocol.getAddress()} (fee ${Number(await protocol.feeBps()) / 100}%, cap ${Number(await protocol.MAX_FEE_BPS()) / 100}%)\n`,
);
console.log("Registering assets:");
const a = await register(alice, "Smartwatch Product Demo (30 s)", []);
await licenseForRemix(alice, a);
const b = await register(bob, "Smartwatch Demo, Spanish voice-over", [
  { parentId: a, shareBps: 3_000 },
]);
await licenseForRemix(bob, b);
const c = await register(carol, "Smartwatch Demo, Spanish, vertical cut", [
  { parentId: b, shareBps: 3_000 },
]);

console.log("\nA viewer pays 1.00 for a use of B, in ETH and in dUSD; anyone then splits B:");
/** Collectable balances of `ids` and the protocol's fees, in ETH and dUSD. */
async function snapshot(ids: bigint[]): Promise<bigint[]> {
  const reads = [ETH, usdAddress].flatMap((token) => [
    ...ids.map((id) => protocol.collectableBalance(id, token)),
    protocol.accruedFees(token),
  ]);
  return Promise.all(reads);
}
await protocol.splitMany([b], [ETH]); // settle the remix licence C bought, to measure views alone
const beforeViews = await snapshot([b, a]);
await protocol
  .connect(viewer)
  .pay(b, ETH, ethers.parseEther("1"), { value: ethers.parseEther("1") });
await protocol.connect(viewer).pay(b, usdAddress, 1_000_000n);
await protocol.splitMany([b], [ETH, usdAddress]);
const afterViews = await snapshot([b, a]);
const gained = afterViews.map((value, i) => value - beforeViews[i]);
["B", "A", "platform"].forEach((label, i) =>
  console.log(`  ${label} earned ${fmtEth(gained[i])} and ${fmtUsd(gained[i + 3])}`),
);

console.log(
  "\nA viewer pays 1.00 ETH for a use of C; splitting C then B moves the money two levels up:",
);
const before = await Promise.all([a, b, c].map((id) => protocol.collectableBalance(id, ETH)));
await protocol
  .connect(viewer)
  .pay(c, ETH, ethers.parseEther("1"), { value: ethers.parseEther("1") });
await protocol.splitMany([c, b], [ETH]);
const after = await Promise.all([a, b, c].map((id) => protocol.collectableBalance(id, ETH)));
["A", "B", "C"].forEach((label, i) =>
  console.log(`  ${label} earned ${fmtEth(after[i] - before[i])}`),
);

console.log(
  "\nSelective licensing: A and B license AI training (A in ETH, B in dUSD); C refuses it.",
);
const AI_TRAINING = 3;
const YEAR = 365 * 24 * 3600;
const trainingTerms = (currency: string, price: bigint, allowed = true) => ({
  allowed,
  currency,
  price,
  duration: YEAR,
  minShareBps: 0,
  documentHash: ethers.id("AI training terms v1"),
  documentURI: "ipfs://bafkreiaitrainingterms",
});
await licensing
  .connect(alice)
  .setTerms(a, AI_TRAINING, trainingTerms(ETH, ethers.parseEther("0.2")));
await licensing.connect(bob).setTerms(b, AI_TRAINING, trainingTerms(usdAddress, 2_000_000n));
await licensing.connect(carol).setTerms(c, AI_TRAINING, trainingTerms(ETH, 0n, false));
const aiCompany = viewer;
await licensing.connect(aiCompany).buyLicences(
  [a, b],
  AI_TRAINING,
  aiCompany.address,
  [
    { currency: ETH, amount: ethers.parseEther("0.2") },
    { currency: usdAddress, amount: 2_000_000n },
  ],
  DEADLINE,
  { value: ethers.parseEther("0.2") },
);
for (const [label, id] of [
  ["A", a],
  ["B", b],
  ["C", c],
] as const) {
  const [valid, until] = await licensing.hasValidLicence(aiCompany.address, id, AI_TRAINING);
  const when = valid ? `until ${new Date(Number(until) * 1000).toISOString().slice(0, 10)}` : "";
  console.log(
    `  AI training of ${label}: ${valid ? `licensed ${when}` : "not licensed (refused)"}`,
  );
}
await protocol.splitMany([b], [usdAddress]);

console.log("\nCreators claim to their wallets:");
for (const [label, signer, id] of [
  ["A", alice, a],
  ["B", bob, b],
  ["C", carol, c],
] as const) {
  const ethBefore = await ethers.provider.getBalance(signer.address);
  const tx = await protocol.connect(signer).claimMany([id], [ETH, usdAddress], signer.address);
  const receipt = await tx.wait();
  const gas = receipt!.gasUsed * receipt!.gasPrice;
  const ethGained = (await ethers.provider.getBalance(signer.address)) - ethBefore + gas;
  console.log(
    `  ${label} claimed ${fmtEth(ethGained)} and ${fmtUsd(await usd.balanceOf(signer.address))}`,
  );
}
const held = await ethers.provider.getBalance(await protocol.getAddress());
console.log(
  `\nThe contract still holds ${fmtEth(held)} = unwithdrawn fees ${fmtEth(await protocol.accruedFees(ETH))}.`,
);
